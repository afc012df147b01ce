package org.zonelake.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.timeseries.Measurement;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;

class TimeSeriesZoneTest {
    @TempDir
    Path directory;

    @Test
    void opensTheEmbeddedEngineWhenNoInfluxdbIsConfigured() {
        try (TimeSeriesStore store = TimeSeriesZone.open(TimeSeriesConfig.embeddedDefault(), directory)) {
            store.replacePoints(new Provenance("demo", 1, "run-1"),
                    List.of(new Point("weather", Map.of("site", "a"), Map.of("temp", 1.0), Instant.parse("2024-05-01T10:00:00Z"))).iterator());

            assertThat(store).isInstanceOf(QuestDbTimeSeriesStore.class);
            assertThat(store.measurements("demo")).containsExactly(new Measurement("weather", List.of("site"), List.of("temp")));
        }
    }

    @Test
    void opensAnInfluxdbStoreWhenAUrlIsConfigured() {
        try (TimeSeriesStore store = TimeSeriesZone.open(new TimeSeriesConfig("http://127.0.0.1:9", "", ""), directory)) {
            assertThat(store).isInstanceOf(InfluxDbTimeSeriesStore.class);
        }
    }
}
