package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.zonelake.core.config.ConfigSource;

/**
 * Settings of the in-process pipeline runner.
 *
 * @param workers worker threads ({@code ZONELAKE_PIPELINE_WORKERS}, default 2)
 * @param lease how long a claimed event belongs to its worker; longer than the slowest step, since an event
 *              whose lease runs out is handed to another worker ({@code ZONELAKE_PIPELINE_LEASE}, default 60s)
 * @param pollInterval how often an idle worker looks for due retries and expired leases without being woken
 *                     ({@code ZONELAKE_PIPELINE_POLL_INTERVAL}, default 1s)
 * @param maxAttempts attempts of an event whose steps throw before it is given up as failed
 *                    ({@code ZONELAKE_PIPELINE_MAX_ATTEMPTS}, default 5)
 * @param retryBackoff wait before the second attempt, doubled for each further one
 *                     ({@code ZONELAKE_PIPELINE_RETRY_BACKOFF}, default 1s)
 * @param retryBackoffMax longest wait between attempts ({@code ZONELAKE_PIPELINE_RETRY_BACKOFF_MAX}, default 5m)
 */
public record LocalRunnerConfig(int workers, Duration lease, Duration pollInterval, int maxAttempts,
                                Duration retryBackoff, Duration retryBackoffMax) {
    public static final int DEFAULT_WORKERS = 2;
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RETRY_BACKOFF_MAX = Duration.ofMinutes(5);

    public LocalRunnerConfig {
        positive("pipeline.workers", workers);
        positive("pipeline.lease", lease);
        positive("pipeline.poll-interval", pollInterval);
        positive("pipeline.max-attempts", maxAttempts);
        positive("pipeline.retry-backoff", retryBackoff);
        positive("pipeline.retry-backoff-max", retryBackoffMax);
    }

    public static LocalRunnerConfig defaults() {
        return new LocalRunnerConfig(DEFAULT_WORKERS, DEFAULT_LEASE, DEFAULT_POLL_INTERVAL, DEFAULT_MAX_ATTEMPTS,
                DEFAULT_RETRY_BACKOFF, DEFAULT_RETRY_BACKOFF_MAX);
    }

    public static LocalRunnerConfig from(ConfigSource source) {
        return new LocalRunnerConfig(
                source.integer("pipeline.workers", DEFAULT_WORKERS),
                source.duration("pipeline.lease", DEFAULT_LEASE),
                source.duration("pipeline.poll-interval", DEFAULT_POLL_INTERVAL),
                source.integer("pipeline.max-attempts", DEFAULT_MAX_ATTEMPTS),
                source.duration("pipeline.retry-backoff", DEFAULT_RETRY_BACKOFF),
                source.duration("pipeline.retry-backoff-max", DEFAULT_RETRY_BACKOFF_MAX));
    }

    /** Wait before the attempt after {@code attempts} failed ones: the backoff doubled per failure, capped. */
    public Duration backoffAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        try {
            Duration wait = retryBackoff.multipliedBy(1L << doublings);
            return wait.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : wait;
        } catch (ArithmeticException e) {
            return retryBackoffMax;
        }
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(ConfigSource.environmentName(key) + " must be positive, was " + value);
        }
    }

    private static void positive(String key, Duration value) {
        requireNonNull(value, key + " is null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(ConfigSource.environmentName(key) + " must be positive, was " + value);
        }
    }
}
