package org.zonelake.timeseries;

import static org.zonelake.core.error.ErrorCode.INVALID_REQUEST;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.timeseries.Aggregate;
import org.zonelake.core.gold.timeseries.Bucket;
import org.zonelake.core.gold.timeseries.TimeSeriesQuery;

/**
 * The buckets a query answers: aligned to multiples of the interval since the epoch (as InfluxDB's
 * {@code GROUP BY time()} and QuestDB's {@code SAMPLE BY} align them), from the bucket holding {@code from} to the last
 * one starting before {@code to}. Engines report only the buckets they have points for; the grid fills the rest with null.
 */
final class BucketGrid {
    /** More buckets than a chart could show; a larger query is a mistake, not a workload. */
    static final int MAX_BUCKETS = 100_000;

    private final long firstNanos;
    private final long intervalNanos;
    private final Aggregate aggregate;
    private final Double[] values;

    private BucketGrid(long firstNanos, long intervalNanos, int count, Aggregate aggregate) {
        this.firstNanos = firstNanos;
        this.intervalNanos = intervalNanos;
        this.aggregate = aggregate;
        this.values = new Double[count];
    }

    static BucketGrid of(TimeSeriesQuery query) {
        long interval = nanos(query.interval().getSeconds(), query.interval().getNano(), query);
        long from = epochNanos(query.from(), query);
        long to = epochNanos(query.to(), query);
        long first = Math.floorDiv(from, interval) * interval;
        // In bucket numbers rather than nanoseconds: a span of more than 292 years does not fit a long.
        long count = -Math.floorDiv(-to, interval) - Math.floorDiv(from, interval);
        if (to < from || count > MAX_BUCKETS) {
            throw LakeException.of(INVALID_REQUEST, "Cannot answer a query of %d buckets of %s between %s and %s: at most %d buckets",
                    count, query.interval(), query.from(), query.to(), MAX_BUCKETS);
        }
        return new BucketGrid(first, interval, (int) count, query.aggregate());
    }

    long intervalNanos() {
        return intervalNanos;
    }

    /** Records an engine's value for the bucket holding {@code start}; values outside the grid are ignored. */
    void put(long startNanos, Number value) {
        long index = Math.floorDiv(startNanos, intervalNanos) - Math.floorDiv(firstNanos, intervalNanos);
        if (index < 0 || index >= values.length || value == null) {
            return;
        }
        double number = value.doubleValue();
        // An empty bucket is null for every aggregate, COUNT included (InfluxDB reports 0 there, QuestDB nothing).
        values[(int) index] = aggregate == Aggregate.COUNT && number == 0 ? null : number;
    }

    List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            long start = firstNanos + i * intervalNanos;
            buckets.add(new Bucket(Instant.ofEpochSecond(Math.floorDiv(start, 1_000_000_000L), Math.floorMod(start, 1_000_000_000L)), values[i]));
        }
        return buckets;
    }

    @Override
    public String toString() {
        return "BucketGrid[first=" + firstNanos + ", interval=" + intervalNanos + ", values=" + Arrays.toString(values) + "]";
    }

    static long epochNanos(Instant instant, TimeSeriesQuery query) {
        return nanos(instant.getEpochSecond(), instant.getNano(), query);
    }

    private static long nanos(long seconds, int nanos, TimeSeriesQuery query) {
        try {
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (ArithmeticException e) {
            throw LakeException.of(INVALID_REQUEST, "Cannot query %s of %s between %s and %s by %s: times and intervals must lie "
                    + "within the years 1677 to 2262", query.field(), query.measurement(), query.from(), query.to(), query.interval());
        }
    }
}
