package org.zonelake.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;

class GraphConfigTest {
    @Test
    void defaultsToTheEmbeddedNeo4jWithoutPassword() {
        GraphConfig config = GraphConfig.from(ConfigSource.of(Map.of()));

        assertThat(config.embedded()).isTrue();
        assertThat(config.neo4jUrl()).isEmpty();
        assertThat(config.user()).isEqualTo("neo4j");
        assertThat(config.password()).isEmpty();
    }

    @Test
    void readsTheServerAndCredentialsFromTheEnvironment() {
        GraphConfig config = GraphConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_GRAPH_NEO4J_URL", "neo4j://graph.internal:7687",
                "ZONELAKE_GRAPH_NEO4J_USER", "lake",
                "ZONELAKE_GRAPH_NEO4J_PASSWORD", "s3cret")));

        assertThat(config.embedded()).isFalse();
        assertThat(config.neo4jUrl()).isEqualTo("neo4j://graph.internal:7687");
        assertThat(config.user()).isEqualTo("lake");
        assertThat(config.password()).isEqualTo("s3cret");
    }

    @Test
    void neverPrintsThePassword() {
        GraphConfig config = new GraphConfig("bolt://lake:inurl@127.0.0.1:7687", "lake", "s3cret");

        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("inurl").contains("password=***");
    }

    @Test
    void rejectsAUrlThatIsNotBolt() {
        assertThatThrownBy(() -> new GraphConfig("http://u:pw@127.0.0.1:7474", "neo4j", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_GRAPH_NEO4J_URL").hasMessageNotContaining("pw@");
    }
}
