package org.zonelake.pipelines.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;

class TabularConfigTest {
    @Test
    void defaultsToHalfTheRowsBadAndTenThousandSampleLines() {
        assertThat(TabularConfig.from(ConfigSource.of(Map.of()))).isEqualTo(new TabularConfig(0.5, 10_000));
        assertThat(TabularConfig.defaults()).isEqualTo(new TabularConfig(0.5, 10_000));
    }

    @Test
    void readsItsEnvironmentKeys() {
        TabularConfig config = TabularConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_PIPELINE_TABULAR_MAX_BAD_ROW_SHARE", "0.1", "ZONELAKE_PIPELINE_TABULAR_SAMPLE_ROWS", "500")));

        assertThat(config).isEqualTo(new TabularConfig(0.1, 500));
    }

    @Test
    void rejectsAShareOutsideZeroToOne() {
        assertThatThrownBy(() -> TabularConfig.from(ConfigSource.of(Map.of("ZONELAKE_PIPELINE_TABULAR_MAX_BAD_ROW_SHARE", "50"))))
                .hasMessage("ZONELAKE_PIPELINE_TABULAR_MAX_BAD_ROW_SHARE must be between 0 and 1, was 50.0");
    }
}
