package org.zonelake.pipelines.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;

class GraphModelTest {
    @Test
    void makesLabelsAndTypesSafeIdentifiers() {
        assertThat(GraphModel.identifier("Person", "Node")).isEqualTo("Person");
        assertThat(GraphModel.identifier(" works with ", "LINKED_TO")).isEqualTo("works_with");
        assertThat(GraphModel.identifier("1st-hop", "LINKED_TO")).isEqualTo("_1st_hop");
        assertThat(GraphModel.identifier("Straße", "Node")).isEqualTo("Stra_e");
        assertThat(GraphModel.identifier("---", "Node")).isEqualTo("Node");
        assertThat(GraphModel.identifier(null, "Node")).isEqualTo("Node");
    }

    @Test
    void keysSharedAndOwnedNodesByTheirKind() {
        assertThat(GraphModel.project("lab").key()).isEqualTo("project:lab");
        assertThat(GraphModel.user("alice").key()).isEqualTo("user:alice");
        assertThat(GraphModel.tag("site", "north").key()).isEqualTo("tag:site=north");
        assertThat(GraphModel.tag("site", "north").shared()).isTrue();
        assertThat(GraphModel.objectKey(9)).isEqualTo("object:9");
        assertThat(GraphModel.ownedKey(9, "a")).isEqualTo("o9:a");
    }

    @Test
    void readsGraphLimitsFromTheEnvironmentWithDefaults() {
        assertThat(GraphJsonConfig.from(ConfigSource.of(Map.of()))).isEqualTo(new GraphJsonConfig(50_000, 200_000));
        assertThat(GraphJsonConfig.from(ConfigSource.of(Map.of("ZONELAKE_PIPELINE_GRAPH_JSON_MAX_NODES", "10",
                "ZONELAKE_PIPELINE_GRAPH_JSON_MAX_RELATIONSHIPS", "20")))).isEqualTo(new GraphJsonConfig(10, 20));
        assertThatThrownBy(() -> new GraphJsonConfig(0, 1)).hasMessageContaining("ZONELAKE_PIPELINE_GRAPH_JSON_MAX_NODES must be positive");
    }
}
