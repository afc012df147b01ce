package org.zonelake.pipelines.archive;

import org.zonelake.core.config.ConfigSource;

/**
 * Limits of the unpack-archive pipeline, checked while the archive is read and before any entry is stored.
 *
 * @param maxEntries entries an archive may have, directories and links included
 *                   ({@code ZONELAKE_PIPELINE_ARCHIVE_MAX_ENTRIES}, default 10,000)
 * @param maxTotalBytes bytes its files may unpack to ({@code ZONELAKE_PIPELINE_ARCHIVE_MAX_TOTAL_BYTES}, default 10GiB)
 * @param maxCompressionRatio how many times its size a file (in a zip) or the whole archive may unpack to, once past
 *                            {@link #RATIO_GRACE_BYTES} ({@code ZONELAKE_PIPELINE_ARCHIVE_MAX_COMPRESSION_RATIO}, default 100)
 * @param maxDepth how deep archives within archives are unpacked: 1 unpacks uploaded archives only
 *                 ({@code ZONELAKE_PIPELINE_ARCHIVE_MAX_DEPTH}, default 3)
 */
public record ArchiveConfig(int maxEntries, long maxTotalBytes, int maxCompressionRatio, int maxDepth) {
    public static final String MAX_ENTRIES = "pipeline.archive.max-entries";
    public static final String MAX_TOTAL_BYTES = "pipeline.archive.max-total-bytes";
    public static final String MAX_COMPRESSION_RATIO = "pipeline.archive.max-compression-ratio";
    public static final String MAX_DEPTH = "pipeline.archive.max-depth";
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 10L << 30;
    public static final int DEFAULT_MAX_COMPRESSION_RATIO = 100;
    public static final int DEFAULT_MAX_DEPTH = 3;
    /** Below this many unpacked bytes no ratio is checked: small files of zeros or repeated text compress very well. */
    public static final long RATIO_GRACE_BYTES = 1L << 20;

    public ArchiveConfig {
        positive(MAX_ENTRIES, maxEntries);
        positive(MAX_TOTAL_BYTES, maxTotalBytes);
        positive(MAX_COMPRESSION_RATIO, maxCompressionRatio);
        positive(MAX_DEPTH, maxDepth);
    }

    public static ArchiveConfig defaults() {
        return new ArchiveConfig(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_COMPRESSION_RATIO, DEFAULT_MAX_DEPTH);
    }

    public static ArchiveConfig from(ConfigSource source) {
        return new ArchiveConfig(
                source.integer(MAX_ENTRIES, DEFAULT_MAX_ENTRIES),
                source.bytes(MAX_TOTAL_BYTES, DEFAULT_MAX_TOTAL_BYTES),
                source.integer(MAX_COMPRESSION_RATIO, DEFAULT_MAX_COMPRESSION_RATIO),
                source.integer(MAX_DEPTH, DEFAULT_MAX_DEPTH));
    }

    /** The environment variable of a key, as limit failures name it. */
    static String variable(String key) {
        return ConfigSource.environmentName(key);
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(variable(key) + " must be positive, was " + value);
        }
    }
}
