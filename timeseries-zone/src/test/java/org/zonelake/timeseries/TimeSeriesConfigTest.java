package org.zonelake.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;

class TimeSeriesConfigTest {
    @Test
    void defaultsToTheEmbeddedEngineWithoutCredentials() {
        TimeSeriesConfig config = TimeSeriesConfig.from(ConfigSource.of(Map.of()));

        assertThat(config.embedded()).isTrue();
        assertThat(config.authenticated()).isFalse();
        assertThat(config).isEqualTo(TimeSeriesConfig.embeddedDefault());
        assertThat(config.influxdbUrl()).isEmpty();
        assertThat(config.influxdbUser()).isEmpty();
        assertThat(config.influxdbPassword()).isEmpty();
    }

    @Test
    void readsInfluxdbSettingsFromTheEnvironment() {
        TimeSeriesConfig config = TimeSeriesConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_TIMESERIES_INFLUXDB_URL", "http://127.0.0.1:58086",
                "ZONELAKE_TIMESERIES_INFLUXDB_USER", "lake",
                "ZONELAKE_TIMESERIES_INFLUXDB_PASSWORD", "s3cret")));

        assertThat(config.embedded()).isFalse();
        assertThat(config.authenticated()).isTrue();
        assertThat(config.influxdbUrl()).isEqualTo("http://127.0.0.1:58086");
        assertThat(config.influxdbUser()).isEqualTo("lake");
        assertThat(config.influxdbPassword()).isEqualTo("s3cret");
    }

    @Test
    void treatsABlankUrlAsTheEmbeddedEngine() {
        assertThat(TimeSeriesConfig.from(ConfigSource.of(Map.of("ZONELAKE_TIMESERIES_INFLUXDB_URL", "  "))).embedded()).isTrue();
    }

    @Test
    void neverPrintsThePassword() {
        TimeSeriesConfig config = new TimeSeriesConfig("http://127.0.0.1:58086", "lake", "s3cret");

        assertThat(config.toString()).doesNotContain("s3cret").contains("http://127.0.0.1:58086", "lake", "***");
    }

    @Test
    void rejectsAUrlThatIsNotHttpOrCarriesCredentials() {
        assertThatThrownBy(() -> new TimeSeriesConfig("influx://127.0.0.1:8086", "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_TIMESERIES_INFLUXDB_URL");
        assertThatThrownBy(() -> new TimeSeriesConfig("http://lake:s3cret@127.0.0.1:8086", "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_TIMESERIES_INFLUXDB_USER").hasMessageNotContaining("s3cret");
    }

    @Test
    void rejectsAUserWithoutPassword() {
        assertThatThrownBy(() -> new TimeSeriesConfig("http://127.0.0.1:8086", "lake", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_TIMESERIES_INFLUXDB_PASSWORD");
    }
}
