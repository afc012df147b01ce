package org.zonelake.graph;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.GoldZone;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.RecordSink;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.graph.Subgraph;

/**
 * The graph gold zone on any Neo4j 5 reached over Bolt (the embedded one or a server). Every node has the label
 * {@code ZlNode} besides its own, and {@code zl_project}, {@code zl_key}, {@code zl_shared}; owned nodes and all
 * relationships also carry {@code zl_object_id} and {@code zl_run_id}. (zl_project, zl_key) is unique.
 */
public final class Neo4jGraphStore implements GraphStore {
    private static final Logger LOG = LoggerFactory.getLogger(Neo4jGraphStore.class);

    /** Deeper neighbourhoods reach most of a connected graph anyway; ask for an export instead. */
    public static final int MAX_DEPTH = 5;
    public static final int MAX_LIMIT = 10_000;

    static final String NODES_KIND = "nodes";
    static final String RELATIONSHIPS_KIND = "relationships";

    private final Driver driver;
    private final SessionConfig writes = SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE).build();
    private final SessionConfig reads = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();
    private final RelationshipIndexes relationshipIndexes;

    /** Takes over {@code driver} (closed with the store), checks that the server answers and creates the schema. */
    public Neo4jGraphStore(Driver driver) {
        this.driver = requireNonNull(driver, "driver is null");
        this.relationshipIndexes = new RelationshipIndexes(driver, writes);
        Neo4jCalls.run(driver::verifyConnectivity, "Cannot reach the graph zone");
        Neo4jCalls.run(this::createSchema, "Cannot create the graph zone's constraint and index");
    }

    /** A store on the Neo4j at {@code url}; an empty password means no authentication (the embedded Neo4j). */
    public static Neo4jGraphStore connect(String url, String user, String password) {
        AuthToken auth = password == null || password.isEmpty() ? AuthTokens.none() : AuthTokens.basic(user, password);
        Config config = Config.builder()
                .withLogging(Logging.slf4j())
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .withMaxTransactionRetryTime(15, TimeUnit.SECONDS)
                .build();
        Driver driver = GraphDatabase.driver(url, auth, config);
        try {
            return new Neo4jGraphStore(driver);
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
    }

    private void createSchema() {
        try (Session session = driver.session(writes)) {
            session.executeWriteWithoutResult(tx -> tx.run(GraphQueries.SCHEMA_CONSTRAINT).consume());
            session.executeWriteWithoutResult(tx -> tx.run(GraphQueries.SCHEMA_OBJECT_INDEX).consume());
        }
    }

    @Override
    public void replaceSubgraph(Provenance provenance, Subgraph graph) {
        PreparedSubgraph prepared = PreparedSubgraph.of(provenance, graph);
        String attempt = String.format("Cannot write the graph of object %d in project %s", provenance.objectId(), provenance.project());
        Neo4jCalls.run(() -> relationshipIndexes.ensure(prepared.relationshipTypes()), attempt);
        Neo4jCalls.run(() -> {
            try (Session session = driver.session(writes)) {
                session.executeWriteWithoutResult(tx -> new SubgraphWriter(tx, provenance).replace(prepared));
            }
        }, attempt);
        LOG.debug("Wrote {} nodes and {} relationships of object {} in project {} (run {})", graph.nodes().size(),
                graph.relationships().size(), provenance.objectId(), provenance.project(), provenance.runId());
    }

    @Override
    public Subgraph neighbourhood(String project, String key, int depth, int limit) {
        requireNonNull(project, "project is null");
        requireNonNull(key, "key is null");
        checkRange("depth", depth, 0, MAX_DEPTH);
        checkRange("limit", limit, 1, MAX_LIMIT);
        return Neo4jCalls.call(() -> {
            try (Session session = driver.session(reads)) {
                return session.executeRead(tx -> {
                    List<GraphNode> nodes = tx.run(GraphQueries.neighbourhood(depth), Map.of("project", project, "key", key, "limit", limit))
                            .list(record -> GraphRecords.node(record.get("n").asNode()));
                    if (nodes.isEmpty()) {
                        throw LakeException.of(ErrorCode.NODE_NOT_FOUND, "Cannot find node %s in project %s", key, project);
                    }
                    List<String> keys = nodes.stream().map(GraphNode::key).toList();
                    return new Subgraph(nodes, tx.run(GraphQueries.RELATIONSHIPS_AMONG, Map.of("project", project, "keys", keys))
                            .list(GraphRecords::relationship));
                });
            }
        }, "Cannot read the neighbourhood of node %s in project %s", key, project);
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "Cannot read a neighbourhood with %s %d: it must be from %d to %d",
                    name, value, min, max);
        }
    }

    @Override
    public Subgraph ofObject(String project, long objectId) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphRelationship> relationships = new ArrayList<>();
        export(project, objectId, nodes::add, relationships::add);
        return new Subgraph(nodes, relationships);
    }

    /**
     * Streams nodes (by key), then relationships, from one read transaction through the driver's cursor, which
     * fetches records in batches. An {@link IOException} of a sink is rethrown as {@link UncheckedIOException}.
     */
    @Override
    public void export(String project, Long objectId, RecordSink<GraphNode> nodes, RecordSink<GraphRelationship> relationships) {
        requireNonNull(project, "project is null");
        requireNonNull(nodes, "nodes is null");
        requireNonNull(relationships, "relationships is null");
        Neo4jCalls.run(() -> {
            // An explicit transaction, not a managed one: a retry would send records to the sinks twice.
            try (Session session = driver.session(reads); Transaction tx = session.beginTransaction()) {
                if (objectId == null) {
                    Map<String, Object> parameters = Map.of("project", project);
                    stream(tx.run(GraphQueries.PROJECT_NODES, parameters), record -> accept(nodes, GraphRecords.node(record.get("n").asNode())));
                    stream(tx.run(GraphQueries.PROJECT_RELATIONSHIPS, parameters),
                            record -> accept(relationships, GraphRecords.relationship(record)));
                } else {
                    exportObject(tx, project, objectId, nodes, relationships);
                }
            }
        }, "Cannot export the graph of project %s%s", project, objectId == null ? "" : " for object " + objectId);
    }

    private static void exportObject(Transaction tx, String project, long objectId, RecordSink<GraphNode> nodes,
            RecordSink<GraphRelationship> relationships) {
        Map<String, Object> parameters = Map.of("project", project, "objectId", objectId);
        List<String> types = RelationshipIndexes.indexedTypes(tx);
        stream(tx.run(GraphQueries.objectNodes(types), parameters), record -> accept(nodes, GraphRecords.node(record.get("n").asNode())));
        if (!types.isEmpty()) {
            stream(tx.run(GraphQueries.objectRelationships(types), parameters), record -> accept(relationships, GraphRecords.relationship(record)));
        }
    }

    private static void stream(Result result, Consumer<Record> consumer) {
        while (result.hasNext()) {
            consumer.accept(result.next());
        }
    }

    private static <T> void accept(RecordSink<T> sink, T record) {
        try {
            sink.accept(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<DerivedRecords> derivedFrom(String project, long objectId) {
        requireNonNull(project, "project is null");
        Map<String, Object> parameters = Map.of("project", project, "objectId", objectId);
        return Neo4jCalls.call(() -> {
            try (Session session = driver.session(reads)) {
                return session.executeRead(tx -> {
                    List<DerivedRecords> derived = new ArrayList<>(tx.run(GraphQueries.NODES_PER_LABEL, parameters)
                            .list(record -> derivedRecords(NODES_KIND, record, objectId)));
                    List<String> types = RelationshipIndexes.indexedTypes(tx);
                    if (!types.isEmpty()) {
                        derived.addAll(tx.run(GraphQueries.relationshipsPerType(types), parameters)
                                .list(record -> derivedRecords(RELATIONSHIPS_KIND, record, objectId)));
                    }
                    return derived;
                });
            }
        }, "Cannot count the graph records of object %d in project %s", objectId, project);
    }

    private static DerivedRecords derivedRecords(String kind, Record record, long objectId) {
        return new DerivedRecords(GoldZone.GRAPH, kind, record.get("name").asString(), record.get("count").asLong(), objectId,
                record.get("runId").asString());
    }

    @Override
    public void close() {
        driver.close();
    }
}
