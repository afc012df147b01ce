package org.zonelake.raw;

import org.zonelake.core.config.ConfigSource;

/**
 * Settings of the raw zone.
 *
 * @param segmentBytes largest piece an object is stored in; bigger objects span several segments
 *                     ({@code ZONELAKE_RAW_SEGMENT_BYTES}, default 256 MiB)
 */
public record RawZoneConfig(long segmentBytes) {
    public static final String SEGMENT_BYTES = "raw.segment-bytes";
    public static final long DEFAULT_SEGMENT_BYTES = 256L << 20;

    public RawZoneConfig {
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException(ConfigSource.environmentName(SEGMENT_BYTES) + " must be positive, was " + segmentBytes);
        }
    }

    public static RawZoneConfig defaults() {
        return new RawZoneConfig(DEFAULT_SEGMENT_BYTES);
    }

    public static RawZoneConfig from(ConfigSource source) {
        return new RawZoneConfig(source.bytes(SEGMENT_BYTES, DEFAULT_SEGMENT_BYTES));
    }
}
