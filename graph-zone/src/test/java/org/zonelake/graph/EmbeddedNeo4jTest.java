package org.zonelake.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

class EmbeddedNeo4jTest {
    @TempDir
    Path directory;

    @Test
    void keepsTheGraphInItsDirectoryAcrossRestarts() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(directory, 0)) {
            assertThat(neo4j.boltUrl()).startsWith("bolt://127.0.0.1:").doesNotEndWith(":0");
            run(neo4j, "CREATE (:Probe {name: $name})", Map.of("name", "kept"));
        }

        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(directory, 0)) {
            assertThat(run(neo4j, "MATCH (p:Probe) RETURN p.name AS name", Map.of())).isEqualTo("kept");
            assertThat(run(neo4j, "SHOW SETTINGS YIELD name, value WHERE name = 'server.bolt.listen_address' RETURN value AS name", Map.of()))
                    .startsWith("127.0.0.1:");
            assertThat(run(neo4j, "SHOW SETTINGS YIELD name, value WHERE name = 'server.http.enabled' RETURN value AS name", Map.of()))
                    .isEqualTo("false");
        }
    }

    private static String run(EmbeddedNeo4j neo4j, String statement, Map<String, Object> parameters) {
        try (Driver driver = GraphDatabase.driver(neo4j.boltUrl(), AuthTokens.none()); Session session = driver.session()) {
            var result = session.run(statement, parameters);
            return result.hasNext() ? result.single().get("name").asString() : null;
        }
    }
}
