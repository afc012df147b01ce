package org.zonelake.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;

/**
 * The contract against a real InfluxDB 1.x: {@code ZONELAKE_IT_INFLUXDB_URL} (and optionally
 * {@code ZONELAKE_IT_INFLUXDB_USER} / {@code ZONELAKE_IT_INFLUXDB_PASSWORD}); {@code services/influxdb.sh start} runs one
 * and {@code services/influxdb.sh env} prints the variables. Without them the test is skipped, or fails when {@code CI=true}.
 */
class InfluxDbTimeSeriesStoreIT extends TimeSeriesStoreContract {
    private static final String NOT_CONFIGURED = "ZONELAKE_IT_INFLUXDB_URL is not set: run services/influxdb.sh start and "
            + "eval \"$(services/influxdb.sh env)\" to run the InfluxDB contract";
    private static TimeSeriesConfig config;

    @BeforeAll
    static void readTheServerFromTheEnvironment() {
        String url = System.getenv("ZONELAKE_IT_INFLUXDB_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(NOT_CONFIGURED);
            }
            return;
        }
        config = new TimeSeriesConfig(url, System.getenv("ZONELAKE_IT_INFLUXDB_USER"), System.getenv("ZONELAKE_IT_INFLUXDB_PASSWORD"));
    }

    /** Every test starts here: without a server each one is reported skipped, with the reason. */
    @Override
    protected TimeSeriesStore newStore(int batchSize) {
        assumeTrue(config != null, NOT_CONFIGURED);
        return new InfluxDbTimeSeriesStore(config, batchSize);
    }

    @Override
    protected TimeSeriesStore unreachableStore() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new InfluxDbTimeSeriesStore(new TimeSeriesConfig("http://127.0.0.1:" + socket.getLocalPort(), "", ""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected boolean keepsPreviousPointsUntilTheWriteCompletes() {
        return false;
    }

    @Test
    void keepsAProjectInADatabaseOfItsOwn() {
        write(1, "run-1", List.of(point("weather", T0, Map.of(), Map.of("temp", 1.0))));

        assertThat(InfluxDbTimeSeriesStore.database(project)).isEqualTo("zl_" + project);
    }

    @Test
    void refusesAFieldWhoseTypeChanges() {
        write(1, "run-1", List.of(point("weather", T0, Map.of(), Map.of("temp", 1.0))));

        assertThatThrownBy(() -> store().replacePoints(provenance(2, "run-2"), List.of(point("weather", T0, Map.of(), Map.of("temp", "warm"))).iterator()))
                .isInstanceOf(LakeException.class).extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }
}
