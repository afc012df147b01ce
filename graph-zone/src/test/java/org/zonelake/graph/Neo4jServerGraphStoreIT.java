package org.zonelake.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.testing.ItEnvironment;

/**
 * The contract against a Neo4j Community server in its own process, with authentication on, as
 * {@code services/neo4j.sh start} runs it: {@code eval "$(services/neo4j.sh env)"} sets {@code ZONELAKE_IT_NEO4J_URL},
 * {@code _USER} and {@code _PASSWORD}. The server is shared and keeps its data: every test writes to projects of its
 * own and deletes their nodes afterwards.
 */
class Neo4jServerGraphStoreIT extends GraphStoreContract {
    private static final String HOW_TO_SET = "run services/neo4j.sh start and eval \"$(services/neo4j.sh env)\"";

    private static String url;
    private static String user;
    private static String password;
    private static Neo4jGraphStore store;

    @BeforeAll
    static void connect() {
        url = ItEnvironment.require("ZONELAKE_IT_NEO4J_URL", HOW_TO_SET);
        user = ItEnvironment.require("ZONELAKE_IT_NEO4J_USER", HOW_TO_SET);
        password = ItEnvironment.require("ZONELAKE_IT_NEO4J_PASSWORD", HOW_TO_SET);
        store = Neo4jGraphStore.connect(url, user, password);
    }

    @AfterAll
    static void disconnect() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected GraphStore store() {
        return store;
    }

    /** Keeps the shared server small; the schema (constraint and relationship indexes) is the lake's and stays. */
    @AfterEach
    void deleteTheProjectsOfThisTest() {
        try (Driver driver = GraphDatabase.driver(url, AuthTokens.basic(user, password)); Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (n:ZlNode) WHERE n.zl_project IN $projects DETACH DELETE n",
                    Map.of("projects", List.of(project, otherProject))).consume());
        }
    }

    @Test
    void aSecondConnectionReadsWhatTheFirstWrote() {
        store.replaceSubgraph(run(4, "r4"), castsOnVessel("c", 2, "vessel:aurora"));

        try (Neo4jGraphStore second = Neo4jGraphStore.connect(url, user, password)) {
            assertThat(second.ofObject(project, 4).nodes()).extracting(GraphNode::key).containsExactly("c-0", "c-1", "vessel:aurora");
        }
    }

    @Test
    void aWrongPasswordIsAnExternalErrorThatDoesNotRepeatThePassword() {
        String wrong = "not-" + password;

        assertThatThrownBy(() -> Neo4jGraphStore.connect(url, user, wrong)).isInstanceOfSatisfying(LakeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.GOLD_ZONE_UNAVAILABLE);
            assertThat(e.getMessage()).contains("refused the credentials").doesNotContain(wrong);
        });
    }

    @Test
    void theServerRefusesAConnectionWithoutCredentials() {
        assertThatThrownBy(() -> Neo4jGraphStore.connect(url, user, ""))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GOLD_ZONE_UNAVAILABLE));
    }
}
