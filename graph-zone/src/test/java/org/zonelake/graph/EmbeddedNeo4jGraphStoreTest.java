package org.zonelake.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.graph.Subgraph;

/** The contract on one embedded Neo4j per class, reached over Bolt; plus how the store lays the graph out. */
class EmbeddedNeo4jGraphStoreTest extends GraphStoreContract {
    @TempDir
    static Path directory;

    private static EmbeddedNeo4j neo4j;
    private static Neo4jGraphStore store;

    @BeforeAll
    static void startNeo4j() {
        neo4j = EmbeddedNeo4j.start(directory.resolve("neo4j"), 0);
        store = Neo4jGraphStore.connect(neo4j.boltUrl(), "neo4j", "");
    }

    @AfterAll
    static void stopNeo4j() {
        if (store != null) {
            store.close();
        }
        if (neo4j != null) {
            neo4j.close();
        }
    }

    @Override
    protected GraphStore store() {
        return store;
    }

    @Test
    void storesTheBookkeepingOnEveryNodeAndRelationship() {
        store.replaceSubgraph(run(3, "r3"), castsOnVessel("c", 1, "vessel:aurora"));

        try (Driver driver = GraphDatabase.driver(neo4j.boltUrl(), AuthTokens.none()); Session session = driver.session()) {
            Map<String, Object> cast = session.run("MATCH (n:ZlNode:Cast {zl_project: $p}) RETURN properties(n) AS n", Map.of("p", project))
                    .single().get("n").asMap();
            Map<String, Object> vessel = session.run("MATCH (n:ZlNode:Vessel {zl_project: $p}) RETURN properties(n) AS n", Map.of("p", project))
                    .single().get("n").asMap();
            Map<String, Object> on = session.run("MATCH (:ZlNode {zl_project: $p})-[r:ON]->() RETURN properties(r) AS r", Map.of("p", project))
                    .single().get("r").asMap();

            assertThat(cast).isEqualTo(Map.of("zl_project", project, "zl_key", "c-0", "zl_shared", false, "zl_object_id", 3L,
                    "zl_run_id", "r3", "index", 0L));
            assertThat(vessel).isEqualTo(Map.of("zl_project", project, "zl_key", "vessel:aurora", "zl_shared", true));
            assertThat(on).isEqualTo(Map.of("zl_project", project, "zl_object_id", 3L, "zl_run_id", "r3"));
            assertThat(session.run("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names").single().get("names").asList())
                    .contains("zl_node_key");
        }
    }

    @Test
    void rethrowsTheIoExceptionOfASink() {
        store.replaceSubgraph(run(1, "r1"), castsOnVessel("c", 1, "vessel:aurora"));

        assertThatThrownBy(() -> store.export(project, null, node -> {
            throw new IOException("client went away");
        }, relationship -> {})).isInstanceOf(UncheckedIOException.class).hasMessageContaining("client went away");
    }

    @Test
    void rejectsAnOutOfRangeDepthOrLimit() {
        store.replaceSubgraph(run(1, "r1"), new Subgraph(List.of(node("a", List.of("N"), Map.of())), List.of()));

        for (int[] depthAndLimit : new int[][] {{-1, 10}, {Neo4jGraphStore.MAX_DEPTH + 1, 10}, {1, 0}, {1, Neo4jGraphStore.MAX_LIMIT + 1}}) {
            assertThatThrownBy(() -> store.neighbourhood(project, "a", depthAndLimit[0], depthAndLimit[1]))
                    .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }
    }

    @Test
    void anUnreachableServerIsAnExternalError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> Neo4jGraphStore.connect("bolt://127.0.0.1:" + closedPort, "neo4j", ""))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GOLD_ZONE_UNAVAILABLE));
    }
}
