package org.zonelake.server;

import static java.util.Objects.requireNonNull;

import org.zonelake.core.config.ConfigSource;
import org.zonelake.pipelines.archive.ArchiveConfig;
import org.zonelake.pipelines.graph.GraphJsonConfig;
import org.zonelake.pipelines.tabular.TabularConfig;

/**
 * Settings of the pipelines in this process.
 *
 * @param sparkThreads cores of the in-process Spark ({@code ZONELAKE_SPARK_THREADS}, default 0: all)
 */
public record PipelinesConfig(int sparkThreads, TabularConfig tabular, GraphJsonConfig graphJson, ArchiveConfig archives) {
    public static final String SPARK_THREADS = "spark.threads";

    public PipelinesConfig {
        requireNonNull(tabular, "tabular is null");
        requireNonNull(graphJson, "graphJson is null");
        requireNonNull(archives, "archives is null");
        if (sparkThreads < 0) {
            throw new IllegalArgumentException(ConfigSource.environmentName(SPARK_THREADS) + " must be 0 (all cores) or more, was " + sparkThreads);
        }
    }

    public static PipelinesConfig from(ConfigSource source) {
        return new PipelinesConfig(source.integer(SPARK_THREADS, 0), TabularConfig.from(source), GraphJsonConfig.from(source),
                ArchiveConfig.from(source));
    }
}
