package org.zonelake.job;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.config.LimitsConfig;
import org.zonelake.graph.GraphConfig;
import org.zonelake.metadata.MetadataConfig;
import org.zonelake.pipelines.archive.ArchiveConfig;
import org.zonelake.pipelines.graph.GraphJsonConfig;
import org.zonelake.pipelines.local.LocalRunnerConfig;
import org.zonelake.pipelines.tabular.TabularConfig;
import org.zonelake.raw.RawZoneConfig;
import org.zonelake.sql.SqlZoneConfig;
import org.zonelake.timeseries.TimeSeriesConfig;

/**
 * What the job reads at start, the same {@code ZONELAKE_*} keys as the lake (environment, then the file named by
 * {@code ZONELAKE_CONFIG_FILE}, then defaults). Every zone is reached by URL: a job never starts an embedded engine,
 * so the metadata URL is required, and a gold zone without a URL is one the job cannot write to.
 *
 * @param dataDir the lake's data directory ({@code ZONELAKE_DATA_DIR}): the local raw zone under {@code raw/} (when
 *                {@code ZONELAKE_RAW_BACKEND} is local), and under {@code work/} the runs' staged objects, which Spark's
 *                executors read, so it must be a path every worker sees
 */
public record JobConfig(
        Path dataDir,
        MetadataConfig metadata,
        RawZoneConfig raw,
        SqlZoneConfig sql,
        TimeSeriesConfig timeSeries,
        GraphConfig graph,
        LocalRunnerConfig runner,
        LimitsConfig limits,
        TabularConfig tabular,
        GraphJsonConfig graphJson,
        ArchiveConfig archives) {

    public JobConfig {
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(raw, "raw is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(timeSeries, "timeSeries is null");
        requireNonNull(graph, "graph is null");
        requireNonNull(runner, "runner is null");
        requireNonNull(limits, "limits is null");
        requireNonNull(tabular, "tabular is null");
        requireNonNull(graphJson, "graphJson is null");
        requireNonNull(archives, "archives is null");
        if (metadata.embedded()) {
            throw new IllegalArgumentException(ConfigSource.environmentName(MetadataConfig.MONGODB_URL)
                    + " is not set: the job reaches the lake's metadata zone (MongoDB, or the lake's embedded server) by URL");
        }
    }

    public static JobConfig from(ConfigSource source) {
        return new JobConfig(
                Path.of(source.string("data.dir", "./data")).toAbsolutePath().normalize(),
                MetadataConfig.from(source),
                RawZoneConfig.from(source),
                SqlZoneConfig.from(source),
                TimeSeriesConfig.from(source),
                GraphConfig.from(source),
                LocalRunnerConfig.from(source),
                LimitsConfig.from(source),
                TabularConfig.from(source),
                GraphJsonConfig.from(source),
                ArchiveConfig.from(source));
    }

    /** The local raw zone's directory, as the lake lays it out (unused with Swift). */
    public Path rawZoneDir() {
        return dataDir.resolve("raw");
    }

    /** Where runs stage objects and keep intermediate files, as in the lake. */
    public Path workDir() {
        return dataDir.resolve("work");
    }
}
