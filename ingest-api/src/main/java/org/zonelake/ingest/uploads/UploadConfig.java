package org.zonelake.ingest.uploads;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.zonelake.core.config.ConfigSource;

/**
 * Settings of resumable uploads.
 *
 * @param expiry an upload that received no byte for this long is abandoned: {@link UploadRecovery} marks it failed
 *     and deletes its bytes ({@code uploads.expiry}, 24 hours by default)
 */
public record UploadConfig(Duration expiry) {
    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);

    public UploadConfig {
        requireNonNull(expiry, "expiry is null");
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException(ConfigSource.environmentName("uploads.expiry") + " must be positive, was " + expiry);
        }
    }

    public static UploadConfig defaults() {
        return new UploadConfig(DEFAULT_EXPIRY);
    }

    public static UploadConfig from(ConfigSource source) {
        return new UploadConfig(source.duration("uploads.expiry", DEFAULT_EXPIRY));
    }
}
