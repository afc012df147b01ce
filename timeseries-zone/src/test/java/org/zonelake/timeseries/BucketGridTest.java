package org.zonelake.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.timeseries.Aggregate;
import org.zonelake.core.gold.timeseries.Bucket;
import org.zonelake.core.gold.timeseries.TimeSeriesQuery;

class BucketGridTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void startsAtTheEpochAlignedBucketHoldingFromAndEndsBeforeTo() {
        BucketGrid grid = BucketGrid.of(query(T0.plusSeconds(30), T0.plusSeconds(150), Duration.ofMinutes(1), Aggregate.MEAN));

        assertThat(grid.buckets()).extracting(Bucket::start).containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
    }

    @Test
    void placesEngineValuesInTheirBucketsAndLeavesTheRestNull() {
        BucketGrid grid = BucketGrid.of(query(T0, T0.plusSeconds(180), Duration.ofMinutes(1), Aggregate.SUM));

        grid.put(nanos(T0.plusSeconds(120)), 4.5);
        grid.put(nanos(T0.plusSeconds(60)), 2L);
        grid.put(nanos(T0.plusSeconds(600)), 9.0);

        assertThat(grid.buckets()).extracting(Bucket::value).containsExactly(null, 2.0, 4.5);
    }

    @Test
    void reportsAnEmptyCountAsNull() {
        BucketGrid grid = BucketGrid.of(query(T0, T0.plusSeconds(120), Duration.ofMinutes(1), Aggregate.COUNT));

        grid.put(nanos(T0), 0L);
        grid.put(nanos(T0.plusSeconds(60)), 3L);

        assertThat(grid.buckets()).extracting(Bucket::value).containsExactly(null, 3.0);
    }

    @Test
    void alignsBucketsBeforeTheEpochToo() {
        Instant before = Instant.parse("1969-12-31T23:59:30Z");

        assertThat(BucketGrid.of(query(before, before.plusSeconds(60), Duration.ofMinutes(1), Aggregate.MEAN)).buckets())
                .extracting(Bucket::start).containsExactly(Instant.parse("1969-12-31T23:59:00Z"), Instant.EPOCH);
    }

    @Test
    void spansCenturiesWhoseNanosecondsDoNotFitALong() {
        Instant from = Instant.parse("1680-01-01T00:00:00Z");
        Instant to = Instant.parse("2260-01-01T00:00:00Z");
        Duration month = Duration.ofDays(30);
        BucketGrid grid = BucketGrid.of(query(from, to, month, Aggregate.COUNT));

        grid.put(nanos(Instant.parse("2024-04-17T00:00:00Z")), 7L);

        // 7,062 buckets of 30 days, from the one holding 1680-01-01 (it starts 1679-12-22) to the one holding 2260-01-01.
        assertThat(grid.buckets()).hasSize(7062);
        assertThat(grid.buckets().get(0).start()).isEqualTo(Instant.parse("1679-12-22T00:00:00Z"));
        assertThat(grid.buckets()).filteredOn(bucket -> bucket.value() != null).extracting(Bucket::start, Bucket::value)
                .containsExactly(tuple(Instant.parse("2024-04-17T00:00:00Z"), 7.0));
    }

    @Test
    void refusesTooManyBucketsAndTimesBeyondNanosecondRange() {
        assertThatThrownBy(() -> BucketGrid.of(query(T0, T0.plus(Duration.ofDays(365)), Duration.ofSeconds(1), Aggregate.MEAN)))
                .isInstanceOf(LakeException.class).extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThatThrownBy(() -> BucketGrid.of(query(T0, Instant.parse("3000-01-01T00:00:00Z"), Duration.ofDays(1), Aggregate.MEAN)))
                .isInstanceOf(LakeException.class).extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    private static TimeSeriesQuery query(Instant from, Instant to, Duration interval, Aggregate aggregate) {
        return new TimeSeriesQuery("p", "m", "f", from, to, interval, aggregate, Map.of());
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
