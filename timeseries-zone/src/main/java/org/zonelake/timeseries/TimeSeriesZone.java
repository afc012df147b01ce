package org.zonelake.timeseries;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;

/** Opens the time-series gold zone the configuration names: InfluxDB if a URL is set, else embedded QuestDB. */
public final class TimeSeriesZone {
    private TimeSeriesZone() {}

    /**
     * @param embeddedDirectory where the embedded engine keeps its data (ignored with InfluxDB)
     * @return a store whose {@code close()} also stops the embedded engine
     */
    public static TimeSeriesStore open(TimeSeriesConfig config, Path embeddedDirectory) {
        requireNonNull(config, "config is null");
        if (!config.embedded()) {
            return new InfluxDbTimeSeriesStore(config);
        }
        return QuestDbTimeSeriesStore.owning(EmbeddedQuestDb.start(requireNonNull(embeddedDirectory, "embeddedDirectory is null")));
    }
}
