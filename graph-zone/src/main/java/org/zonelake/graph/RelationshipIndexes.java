package org.zonelake.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.exceptions.ClientException;

/**
 * One range index per relationship type on {@code (zl_project, zl_object_id)}, named {@code zl_rel_<type>}.
 * Neo4j has no property index across relationship types, and an object's relationships may join nodes it does
 * not own (two shared nodes), so finding "every relationship object 7 wrote" walks these indexes, one per type.
 * An index is created, outside the write transaction (Neo4j does not mix schema and data changes), the first
 * time this process writes a type.
 */
final class RelationshipIndexes {
    private static final String PREFIX = "zl_rel_";

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    RelationshipIndexes(Driver driver, SessionConfig sessionConfig) {
        this.driver = requireNonNull(driver, "driver is null");
        this.sessionConfig = requireNonNull(sessionConfig, "sessionConfig is null");
    }

    void ensure(Set<String> types) {
        for (String type : types) {
            if (!ensured.contains(type)) {
                create(type);
                ensured.add(type);
            }
        }
    }

    private void create(String type) {
        String statement = String.format("CREATE INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.zl_project, r.zl_object_id)",
                CypherNames.quoted(PREFIX + type), CypherNames.quoted(type));
        try (Session session = driver.session(sessionConfig)) {
            session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
        } catch (ClientException e) {
            // Another writer created the same index between our IF NOT EXISTS check and ours.
            if (!e.code().startsWith("Neo.ClientError.Schema.")) {
                throw e;
            }
        }
    }

    /** The relationship types that have a lake index: the only types lake relationships can have. */
    static List<String> indexedTypes(SimpleQueryRunner runner) {
        return runner.run("SHOW RANGE INDEXES YIELD name, entityType, labelsOrTypes"
                        + " WHERE entityType = 'RELATIONSHIP' AND name STARTS WITH $prefix RETURN labelsOrTypes[0] AS type ORDER BY type",
                Map.of("prefix", PREFIX)).list(record -> record.get("type").asString());
    }
}
