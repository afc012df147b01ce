package org.zonelake.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.graph.GraphStore;

class JobConfigTest {
    @Test
    void readsTheLakesOwnKeysWithTheLakesDefaults() {
        JobConfig config = JobConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_METADATA_MONGODB_URL", "mongodb://127.0.0.1:27017",
                "ZONELAKE_DATA_DIR", "/srv/lake",
                "ZONELAKE_SQL_JDBC_URL", "jdbc:postgresql://127.0.0.1/lake",
                "ZONELAKE_PIPELINE_LEASE", "2m")));

        assertThat(config.metadata().database()).isEqualTo("zonelake");
        assertThat(config.rawZoneDir()).isEqualTo(Path.of("/srv/lake/raw"));
        assertThat(config.workDir()).isEqualTo(Path.of("/srv/lake/work"));
        assertThat(config.sql().embedded()).isFalse();
        assertThat(config.timeSeries().embedded()).isTrue();
        assertThat(config.runner().lease()).hasMinutes(2);
        assertThat(config.runner().maxAttempts()).isEqualTo(5);
    }

    @Test
    void refusesToRunWithoutTheMetadataUrl() {
        assertThatThrownBy(() -> JobConfig.from(ConfigSource.of(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ZONELAKE_METADATA_MONGODB_URL is not set");
    }

    @Test
    void aGoldZoneWithoutUrlFailsWhenWrittenToNamingTheMissingSetting() {
        GraphStore graph = GoldStores.unconfigured(GraphStore.class, "graph gold zone", "ZONELAKE_GRAPH_NEO4J_URL");

        assertThatThrownBy(() -> graph.ofObject("alpha", 1))
                .isInstanceOf(LakeException.class)
                .hasMessage("Cannot reach the graph gold zone: ZONELAKE_GRAPH_NEO4J_URL is not set (a job connects to the gold zones by URL only)")
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.GOLD_ZONE_UNAVAILABLE);
        graph.close();
    }
}
