package org.zonelake.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.config.LimitsConfig;
import org.zonelake.identity.IdentityConfig;
import org.zonelake.ingest.GatewayConfig;
import org.zonelake.ingest.uploads.UploadConfig;
import org.zonelake.metadata.MetadataConfig;
import org.zonelake.graph.GraphConfig;
import org.zonelake.pipelines.local.LocalRunnerConfig;
import org.zonelake.sql.SqlZoneConfig;
import org.zonelake.timeseries.TimeSeriesConfig;
import org.zonelake.raw.RawZoneConfig;
import org.zonelake.webhook.SwiftEventsConfig;

/**
 * Everything the all-in-one server reads at start-up, from the environment ({@code ZONELAKE_*}), then the properties
 * file named by {@code ZONELAKE_CONFIG_FILE}, then defaults. Every key is listed in docs/configuration.md.
 *
 * @param dataDir the one directory holding all data ({@code ZONELAKE_DATA_DIR}, default {@code ./data})
 * @param metadata where the metadata zone lives (a MongoDB URL, or the embedded server)
 * @param embeddedMetadataPort port of the embedded metadata server on 127.0.0.1 (0 picks a free one)
 * @param housekeepingInterval how often interrupted work is swept up and abandoned uploads expired
 * @param sql the SQL gold zone (a PostgreSQL URL, or embedded H2)
 * @param timeSeries the time-series gold zone (an InfluxDB URL, or embedded QuestDB)
 * @param graph the graph gold zone (a Neo4j Bolt URL, or embedded Neo4j)
 * @param pipelines Spark and pipeline settings
 * @param swiftEvents the receiver of the Swift proxy filter's events, set when {@code ZONELAKE_SWIFT_EVENTS_SECRET_FILE}
 *     is (distributed mode, with the raw zone in Swift)
 */
public record LakeConfig(
        Path dataDir,
        GatewayConfig gateway,
        LimitsConfig limits,
        RawZoneConfig raw,
        MetadataConfig metadata,
        int embeddedMetadataPort,
        IdentityConfig identity,
        LocalRunnerConfig pipeline,
        UploadConfig uploads,
        Duration housekeepingInterval,
        SqlZoneConfig sql,
        TimeSeriesConfig timeSeries,
        GraphConfig graph,
        PipelinesConfig pipelines,
        Optional<SwiftEventsConfig> swiftEvents) {

    public LakeConfig {
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(limits, "limits is null");
        requireNonNull(raw, "raw is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(uploads, "uploads is null");
        requireNonNull(housekeepingInterval, "housekeepingInterval is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(timeSeries, "timeSeries is null");
        requireNonNull(graph, "graph is null");
        requireNonNull(pipelines, "pipelines is null");
        requireNonNull(swiftEvents, "swiftEvents is null");
        if (swiftEvents.isPresent() && raw.backend() != RawZoneConfig.Backend.SWIFT) {
            throw new IllegalArgumentException(ConfigSource.environmentName(SwiftEventsConfig.SECRET_FILE) + " is set, but Swift events need "
                    + ConfigSource.environmentName(RawZoneConfig.BACKEND) + "=swift");
        }
    }

    public static LakeConfig from(ConfigSource source) {
        return new LakeConfig(
                Path.of(source.string("data.dir", "./data")).toAbsolutePath().normalize(),
                GatewayConfig.from(source),
                LimitsConfig.from(source),
                RawZoneConfig.from(source),
                MetadataConfig.from(source),
                source.integer("metadata.embedded.port", 0),
                IdentityConfig.from(source),
                LocalRunnerConfig.from(source),
                UploadConfig.from(source),
                source.duration("housekeeping.interval", Duration.ofMinutes(1)),
                SqlZoneConfig.from(source),
                TimeSeriesConfig.from(source),
                GraphConfig.from(source),
                PipelinesConfig.from(source),
                source.get(SwiftEventsConfig.SECRET_FILE).isPresent() ? Optional.of(SwiftEventsConfig.from(source)) : Optional.empty());
    }

    public Path rawZoneDir() {
        return dataDir.resolve("raw");
    }

    public Path metadataDir() {
        return dataDir.resolve("metadata");
    }

    public Path uploadStagingDir() {
        return dataDir.resolve("uploads");
    }

    /** Where runs keep staged objects and intermediate files while they work. */
    public Path workDir() {
        return dataDir.resolve("work");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

}
