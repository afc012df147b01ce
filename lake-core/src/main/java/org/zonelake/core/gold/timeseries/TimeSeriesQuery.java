package org.zonelake.core.gold.timeseries;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Values of one numeric field over {@code [from, to)}, in buckets of {@code interval} combined by
 * {@code aggregate}, keeping only points whose tags equal {@code tags}.
 */
public record TimeSeriesQuery(String project, String measurement, String field, Instant from, Instant to,
                              Duration interval, Aggregate aggregate, Map<String, String> tags) {
    public TimeSeriesQuery {
        requireNonNull(project, "project is null");
        requireNonNull(measurement, "measurement is null");
        requireNonNull(field, "field is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(aggregate, "aggregate is null");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("Query range is empty: from " + from + " is not before to " + to);
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("Query interval must be positive: " + interval);
        }
    }
}
