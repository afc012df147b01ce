package org.zonelake.raw;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.raw.swift.SwiftConfig;

/**
 * Settings of the raw zone.
 *
 * @param segmentBytes largest piece an object is stored in on the local disk; bigger objects span several segments
 *                     ({@code ZONELAKE_RAW_SEGMENT_BYTES}, default 256 MiB)
 * @param backend      where objects live: {@code local} (files under the data directory) or {@code swift}
 *                     ({@code ZONELAKE_RAW_BACKEND}, default local)
 * @param swift        the Swift settings ({@code ZONELAKE_RAW_SWIFT_*}); null unless the backend is swift
 */
public record RawZoneConfig(long segmentBytes, Backend backend, SwiftConfig swift) {
    public static final String SEGMENT_BYTES = "raw.segment-bytes";
    public static final String BACKEND = "raw.backend";
    public static final long DEFAULT_SEGMENT_BYTES = 256L << 20;

    /** Where the raw zone keeps its objects. */
    public enum Backend {
        LOCAL, SWIFT;

        static Backend parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ConfigSource.environmentName(BACKEND) + " must be local or swift, was " + value, e);
            }
        }
    }

    public RawZoneConfig {
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException(ConfigSource.environmentName(SEGMENT_BYTES) + " must be positive, was " + segmentBytes);
        }
        requireNonNull(backend, "backend is null");
        if (backend == Backend.SWIFT) {
            requireNonNull(swift, "swift is null: the swift backend needs its settings");
        }
    }

    /** The local disk with the given segment size. */
    public RawZoneConfig(long segmentBytes) {
        this(segmentBytes, Backend.LOCAL, null);
    }

    public static RawZoneConfig defaults() {
        return new RawZoneConfig(DEFAULT_SEGMENT_BYTES);
    }

    public static RawZoneConfig from(ConfigSource source) {
        Backend backend = Backend.parse(source.string(BACKEND, "local"));
        return new RawZoneConfig(source.bytes(SEGMENT_BYTES, DEFAULT_SEGMENT_BYTES), backend,
                backend == Backend.SWIFT ? SwiftConfig.from(source) : null);
    }
}
