package org.zonelake.core.config;

/**
 * Limits on what clients may send.
 *
 * @param maxObjectBytes largest object accepted, single request or resumable
 * @param maxChunkBytes largest body of one resumable-upload PATCH
 * @param maxNameLength longest original object name, in characters
 * @param maxMetadataBytes largest metadata JSON document accepted with an upload
 */
public record LimitsConfig(long maxObjectBytes, long maxChunkBytes, int maxNameLength, int maxMetadataBytes) {
    public static final long DEFAULT_MAX_OBJECT_BYTES = 10L << 30;
    public static final long DEFAULT_MAX_CHUNK_BYTES = 256L << 20;
    public static final int DEFAULT_MAX_NAME_LENGTH = 255;
    public static final int DEFAULT_MAX_METADATA_BYTES = 64 << 10;

    public LimitsConfig {
        positive("limits.max-object-bytes", maxObjectBytes);
        positive("limits.max-chunk-bytes", maxChunkBytes);
        positive("limits.max-name-length", maxNameLength);
        positive("limits.max-metadata-bytes", maxMetadataBytes);
    }

    public static LimitsConfig defaults() {
        return new LimitsConfig(DEFAULT_MAX_OBJECT_BYTES, DEFAULT_MAX_CHUNK_BYTES, DEFAULT_MAX_NAME_LENGTH, DEFAULT_MAX_METADATA_BYTES);
    }

    public static LimitsConfig from(ConfigSource source) {
        return new LimitsConfig(
                source.bytes("limits.max-object-bytes", DEFAULT_MAX_OBJECT_BYTES),
                source.bytes("limits.max-chunk-bytes", DEFAULT_MAX_CHUNK_BYTES),
                source.integer("limits.max-name-length", DEFAULT_MAX_NAME_LENGTH),
                (int) source.bytes("limits.max-metadata-bytes", DEFAULT_MAX_METADATA_BYTES));
    }

    static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(ConfigSource.environmentName(key) + " must be positive, was " + value);
        }
    }
}
