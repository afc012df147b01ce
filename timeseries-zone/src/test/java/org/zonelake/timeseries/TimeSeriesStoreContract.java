package org.zonelake.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.ErrorType;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.GoldZone;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.timeseries.Aggregate;
import org.zonelake.core.gold.timeseries.Bucket;
import org.zonelake.core.gold.timeseries.Measurement;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.gold.timeseries.TimeSeriesQuery;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;

/**
 * What every {@link TimeSeriesStore} must do; extend it once per engine. Each test writes to a project of its own.
 * Stores are made with a batch size of {@value #BATCH_SIZE}, so most writes span several batches.
 */
public abstract class TimeSeriesStoreContract {
    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    protected static final int BATCH_SIZE = 2;
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
    private static final AtomicInteger PROJECTS = new AtomicInteger();

    protected String project;
    private TimeSeriesStore store;

    /** A store on the engine under test that writes {@code batchSize} points per request; closing it leaves the engine running. */
    protected abstract TimeSeriesStore newStore(int batchSize);

    /** A store of the same kind whose server does not answer. */
    protected abstract TimeSeriesStore unreachableStore();

    /**
     * Whether an object's previous points stay until a replacing write completes (QuestDB marks them removed at the
     * end), or go before its first batch is written (InfluxDB deletes, then writes).
     */
    protected abstract boolean keepsPreviousPointsUntilTheWriteCompletes();

    @BeforeEach
    void openStoreAndPickAProject() {
        store = newStore(BATCH_SIZE);
        // A dash on purpose: project names allow it, and engines must map it to a safe database or table name.
        project = "ts-" + RUN + "_" + PROJECTS.incrementAndGet();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    protected TimeSeriesStore store() {
        return store;
    }

    @Test
    public void exportsWrittenPointsInTimeOrderWithTheirTypesTagsAndProvenance() {
        Point north = point("weather", T0.plusSeconds(2), Map.of("site", "north"),
                Map.of("temp", 21.5, "count", 7L, "ok", true, "note", "calibrated, \"twice\""));
        Point south = point("weather", T0, Map.of("site", "south"), Map.of("temp", 19.0, "count", -3L, "ok", false, "note", "line 1\nline 2"));
        Point later = point("weather", T0.plusMillis(1_250), Map.of("site", "north", "level", "a,b=c d\\e"), Map.of("temp", 20.25));

        long written = store.replacePoints(provenance(1, "run-1"), List.of(north, south, later).iterator());

        assertThat(written).isEqualTo(3);
        assertThat(export("weather", null, null)).containsExactly(
                withProvenance(south, 1, "run-1"), withProvenance(later, 1, "run-1"), withProvenance(north, 1, "run-1"));
    }

    @Test
    public void exportsPointsFromFromUntilBeforeTo() {
        write(1, "run-1", IntStream.range(0, 5).mapToObj(i -> point("weather", T0.plusSeconds(i), Map.of(), Map.of("temp", (double) i))).toList());

        assertThat(times(export("weather", T0.plusSeconds(1), T0.plusSeconds(3)))).containsExactly(T0.plusSeconds(1), T0.plusSeconds(2));
        assertThat(times(export("weather", T0.plusSeconds(3), null))).containsExactly(T0.plusSeconds(3), T0.plusSeconds(4));
        assertThat(times(export("weather", null, T0.plusSeconds(1)))).containsExactly(T0);
    }

    @Test
    public void keepsNamesWithSpacesPunctuationAndNonAsciiLetters() {
        Point point = point("Air temp, °C=x", T0, Map.of("Site name", "Zürich, \"Nord\" = 1", "sensor", "t\\1"), Map.of("Grad Celsius", 3.5));

        write(1, "run-1", List.of(point));

        assertThat(store.measurements(project)).extracting(Measurement::name).containsExactly("Air temp, °C=x");
        assertThat(export("Air temp, °C=x", null, null)).containsExactly(withProvenance(point, 1, "run-1"));
        assertThat(store.tagValues(project, "Air temp, °C=x", "Site name")).containsExactly("Zürich, \"Nord\" = 1");
    }

    @Test
    public void dropsTagsWithAnEmptyValue() {
        write(1, "run-1", List.of(point("weather", T0, Map.of("site", "north", "room", ""), Map.of("temp", 1.0))));

        assertThat(export("weather", null, null)).singleElement().extracting(Point::tags)
                .isEqualTo(Map.of("site", "north", TimeSeriesStore.OBJECT_TAG, "1"));
    }

    @Test
    public void listsMeasurementsWithTheirTagAndFieldKeysWithoutTheLakesOwn() {
        write(1, "run-1", List.of(
                point("weather", T0, Map.of("site", "north"), Map.of("temp", 1.0)),
                point("weather", T0.plusSeconds(1), Map.of("site", "north", "room", "r1"), Map.of("humidity", 40L)),
                point("power", T0, Map.of("meter", "m1"), Map.of("watts", 230.0, "on", true))));

        assertThat(store.measurements(project)).containsExactlyInAnyOrder(
                new Measurement("power", List.of("meter"), List.of("on", "watts")),
                new Measurement("weather", List.of("room", "site"), List.of("humidity", "temp")));
        assertThat(store.measurements("no-such-project")).isEmpty();
    }

    @Test
    public void listsTheSortedDistinctValuesOfATagAndTheSourceObjects() {
        write(7, "run-1", List.of(
                point("weather", T0, Map.of("site", "south"), Map.of("temp", 1.0)),
                point("weather", T0.plusSeconds(1), Map.of("site", "east"), Map.of("temp", 2.0))));
        write(8, "run-2", List.of(point("weather", T0.plusSeconds(2), Map.of("site", "south"), Map.of("temp", 3.0))));

        assertThat(store.tagValues(project, "weather", "site")).containsExactly("east", "south");
        assertThat(store.tagValues(project, "weather", TimeSeriesStore.OBJECT_TAG)).containsExactly("7", "8");
        assertThat(store.tagValues(project, "weather", "no_such_tag")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Aggregate.class)
    public void downsamplesWithEachAggregateKeepingOnlyPointsWithTheTags(Aggregate aggregate) {
        writeSeries();

        List<Bucket> buckets = store.query(new TimeSeriesQuery(project, "weather", "value", T0, T0.plus(Duration.ofMinutes(3)),
                Duration.ofMinutes(1), aggregate, Map.of("site", "a")));

        Double[] expected = switch (aggregate) {
            case MEAN -> new Double[] {3.0, null, 1.0};
            case MIN -> new Double[] {1.0, null, -2.0};
            case MAX -> new Double[] {6.0, null, 4.0};
            case SUM -> new Double[] {9.0, null, 2.0};
            case COUNT -> new Double[] {3.0, null, 2.0};
            case FIRST -> new Double[] {1.0, null, 4.0};
            case LAST -> new Double[] {6.0, null, -2.0};
        };
        assertThat(buckets).extracting(Bucket::start).containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
        assertBucketValues(buckets, expected);
    }

    @Test
    public void alignsBucketsToTheEpochAndCountsOnlyPointsFromFrom() {
        writeSeries();
        Duration interval = Duration.ofMinutes(7);
        Instant from = T0.plusSeconds(30);
        Instant firstStart = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), interval.getSeconds()) * interval.getSeconds());

        List<Bucket> buckets = store.query(new TimeSeriesQuery(project, "weather", "value", from, T0.plus(Duration.ofMinutes(10)),
                interval, Aggregate.SUM, Map.of("site", "a")));

        assertThat(buckets).extracting(Bucket::start).containsExactly(firstStart, firstStart.plus(interval));
        // From 10:00:30 on, site a has 6 (10:00:40), 4 (10:02:10) and -2 (10:02:50): all in the bucket holding 10:00:30.
        assertBucketValues(buckets, firstStart.equals(T0) ? new Double[] {8.0, null} : new Double[] {null, 8.0});
    }

    @Test
    public void aggregatesIntegerFieldsAndFiltersBySourceObject() {
        write(1, "run-1", List.of(point("meter", T0, Map.of(), Map.of("pulses", 5L)), point("meter", T0.plusSeconds(1), Map.of(), Map.of("pulses", 7L))));
        write(2, "run-2", List.of(point("meter", T0, Map.of(), Map.of("pulses", 100L))));

        List<Bucket> all = store.query(new TimeSeriesQuery(project, "meter", "pulses", T0, T0.plusSeconds(10), Duration.ofSeconds(10), Aggregate.SUM, Map.of()));
        List<Bucket> first = store.query(new TimeSeriesQuery(project, "meter", "pulses", T0, T0.plusSeconds(10), Duration.ofSeconds(10), Aggregate.SUM,
                Map.of(TimeSeriesStore.OBJECT_TAG, "1")));

        assertBucketValues(all, 112.0);
        assertBucketValues(first, 12.0);
    }

    @Test
    public void answersEmptyBucketsForATagNoPointHas() {
        writeSeries();

        List<Bucket> buckets = store.query(new TimeSeriesQuery(project, "weather", "value", T0, T0.plusSeconds(120), Duration.ofMinutes(1),
                Aggregate.MEAN, Map.of("site", "nowhere")));

        assertBucketValues(buckets, null, null);
    }

    @Test
    public void writingTheSamePointsAgainLeavesTheSameState() {
        List<Point> points = List.of(
                point("weather", T0, Map.of("site", "north"), Map.of("temp", 1.0)),
                point("weather", T0, Map.of("site", "south"), Map.of("temp", 2.0)),
                point("weather", T0.plusSeconds(1), Map.of("site", "north"), Map.of("temp", 3.0)));

        write(1, "run-1", points);
        List<Point> once = export("weather", null, null);
        write(1, "run-2", points);

        // Points of one time may come in another order after the rewrite: the engines order by time only.
        assertThat(export("weather", null, null)).containsExactlyInAnyOrderElementsOf(reRun(once, "run-2")).hasSize(3);
        assertThat(store.derivedFrom(project, 1)).containsExactly(derived("weather", 3, 1, "run-2"));
        assertBucketValues(store.query(new TimeSeriesQuery(project, "weather", "temp", T0, T0.plusSeconds(2), Duration.ofSeconds(2),
                Aggregate.COUNT, Map.of())), 3.0);
    }

    @Test
    public void replacingRemovesTheObjectsPointsThatAreNotWrittenAgain() {
        write(1, "run-1", List.of(
                point("weather", T0, Map.of("site", "north"), Map.of("temp", 1.0)),
                point("weather", T0.plusSeconds(1), Map.of("site", "north"), Map.of("temp", 2.0)),
                point("power", T0, Map.of("meter", "m1"), Map.of("watts", 5.0))));
        Point rewritten = point("weather", T0, Map.of("site", "north"), Map.of("temp", 10.0));
        Point added = point("weather", T0.plusSeconds(2), Map.of("site", "north"), Map.of("temp", 30.0));

        write(1, "run-2", List.of(rewritten, added));

        assertThat(export("weather", null, null)).containsExactly(withProvenance(rewritten, 1, "run-2"), withProvenance(added, 1, "run-2"));
        assertThat(store.measurements(project)).extracting(Measurement::name).containsExactly("weather");
        assertThat(store.derivedFrom(project, 1)).containsExactly(derived("weather", 2, 1, "run-2"));
        assertNotFound(() -> store.export(project, "power", null, null, point -> { }));
    }

    @Test
    public void replacingAnObjectWithNothingRemovesAllItsPoints() {
        write(1, "run-1", List.of(point("weather", T0, Map.of(), Map.of("temp", 1.0))));

        assertThat(store.replacePoints(provenance(1, "run-2"), List.<Point>of().iterator())).isZero();

        assertThat(store.derivedFrom(project, 1)).isEmpty();
        assertThat(store.measurements(project)).isEmpty();
    }

    @Test
    public void replacingOneObjectLeavesAnotherObjectsPointsAlone() {
        Point shared = point("weather", T0, Map.of("site", "north"), Map.of("temp", 1.0));
        write(1, "run-1", List.of(shared));
        write(2, "run-2", List.of(shared));

        write(1, "run-3", List.of());

        assertThat(export("weather", null, null)).containsExactly(withProvenance(shared, 2, "run-2"));
    }

    @Test
    public void countsTheObjectsPointsPerMeasurementWithTheRunThatWroteThem() {
        write(1, "run-1", List.of(
                point("weather", T0, Map.of(), Map.of("temp", 1.0)),
                point("weather", T0.plusSeconds(1), Map.of(), Map.of("temp", 2.0)),
                point("weather", T0.plusSeconds(2), Map.of(), Map.of("temp", 3.0)),
                point("power", T0, Map.of(), Map.of("watts", 1.0)),
                point("power", T0.plusSeconds(1), Map.of(), Map.of("watts", 2.0))));
        write(2, "run-2", List.of(point("weather", T0.plusSeconds(5), Map.of(), Map.of("temp", 9.0))));

        assertThat(store.derivedFrom(project, 1)).containsExactlyInAnyOrder(derived("power", 2, 1, "run-1"), derived("weather", 3, 1, "run-1"));
        assertThat(store.derivedFrom(project, 2)).containsExactly(derived("weather", 1, 2, "run-2"));
        assertThat(store.derivedFrom(project, 3)).isEmpty();
        assertThat(store.derivedFrom("no-such-project", 1)).isEmpty();
    }

    @Test
    public void keepsProjectsApart() {
        String other = project + "-other";
        write(1, "run-1", List.of(point("weather", T0, Map.of("site", "north"), Map.of("temp", 1.0))));
        store.replacePoints(new Provenance(other, 1, "run-2"), List.of(point("power", T0, Map.of(), Map.of("watts", 2.0))).iterator());

        assertThat(store.measurements(project)).extracting(Measurement::name).containsExactly("weather");
        assertThat(store.measurements(other)).extracting(Measurement::name).containsExactly("power");
        assertThat(store.derivedFrom(other, 1)).containsExactly(derived("power", 1, 1, "run-2"));
        assertNotFound(() -> store.tagValues(other, "weather", "site"));
        assertThat(export("weather", null, null)).hasSize(1);
    }

    @Test
    public void exportsManyPointsInTimeOrderWithoutHoldingThemAll() {
        int count = 25_000;
        try (TimeSeriesStore bulk = newStore(5_000)) {
            Iterator<Point> points = IntStream.range(0, count)
                    .mapToObj(i -> point("bulk", T0.plusMillis(i), Map.of("sensor", "s" + i % 3), Map.of("value", (double) i))).iterator();
            assertThat(bulk.replacePoints(provenance(1, "run-1"), points)).isEqualTo(count);

            long[] seen = {0};
            Instant[] last = {Instant.MIN};
            bulk.export(project, "bulk", null, null, point -> {
                assertThat(point.time()).isAfter(last[0]);
                last[0] = point.time();
                seen[0]++;
            });

            assertThat(seen[0]).isEqualTo(count);
            assertThat(bulk.derivedFrom(project, 1)).containsExactly(derived("bulk", count, 1, "run-1"));
        }
    }

    @Test
    public void stopsTheExportWhenTheSinkFails() {
        write(1, "run-1", IntStream.range(0, 5).mapToObj(i -> point("weather", T0.plusSeconds(i), Map.of(), Map.of("temp", (double) i))).toList());
        IOException broken = new IOException("client went away");
        List<Point> received = new ArrayList<>();

        assertThatThrownBy(() -> store.export(project, "weather", null, null, point -> {
            if (received.size() == 2) {
                throw broken;
            }
            received.add(point);
        })).isInstanceOf(UncheckedIOException.class).hasCause(broken);

        assertThat(received).hasSize(2);
        assertThat(export("weather", null, null)).hasSize(5);
    }

    @Test
    public void aFailureWithinTheFirstBatchLeavesThePreviousPointsInPlace() {
        List<Point> previous = List.of(point("weather", T0, Map.of(), Map.of("temp", 1.0)), point("weather", T0.plusSeconds(1), Map.of(), Map.of("temp", 2.0)));
        write(1, "run-1", previous);
        RuntimeException failure = new IllegalStateException("bad record");

        assertThatThrownBy(() -> store.replacePoints(provenance(1, "run-2"),
                failingAfter(List.of(point("weather", T0.plusSeconds(9), Map.of(), Map.of("temp", 9.0))), failure))).isSameAs(failure);

        assertThat(export("weather", null, null)).containsExactlyElementsOf(previous.stream().map(p -> withProvenance(p, 1, "run-1")).toList());
    }

    @Test
    public void aFailureAfterWholeBatchesLeavesThemWrittenAndARetryRestoresTheFullState() {
        write(1, "run-1", List.of(point("weather", T0, Map.of(), Map.of("temp", 1.0)), point("weather", T0.plusSeconds(1), Map.of(), Map.of("temp", 2.0))));
        List<Point> replacement = IntStream.range(0, 2 * BATCH_SIZE + 1)
                .mapToObj(i -> point("weather", T0.plusSeconds(10 + i), Map.of(), Map.of("temp", 10.0 + i))).toList();
        RuntimeException failure = new IllegalStateException("bad record");

        assertThatThrownBy(() -> store.replacePoints(provenance(1, "run-2"), failingAfter(replacement, failure))).isSameAs(failure);

        // The complete batches were written; the previous points are gone only where the engine deletes up front.
        List<Instant> expected = new ArrayList<>();
        if (keepsPreviousPointsUntilTheWriteCompletes()) {
            expected.addAll(List.of(T0, T0.plusSeconds(1)));
        }
        replacement.stream().limit(2L * BATCH_SIZE).forEach(p -> expected.add(p.time()));
        assertThat(awaitTimes("weather", expected.size())).containsExactlyElementsOf(expected);

        write(1, "run-3", replacement);
        assertThat(times(export("weather", null, null))).containsExactlyElementsOf(times(replacement));
        assertThat(store.derivedFrom(project, 1)).containsExactly(derived("weather", replacement.size(), 1, "run-3"));
    }

    @Test
    public void rejectsInvalidProjectsAndReservedKeys() {
        assertThatThrownBy(() -> store.measurements("Not A Project")).isInstanceOf(LakeException.class)
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_NAME);
        for (Point bad : List.of(
                point("weather", T0, Map.of(TimeSeriesStore.OBJECT_TAG, "9"), Map.of("temp", 1.0)),
                point("weather", T0, Map.of(), Map.of(TimeSeriesStore.RUN_FIELD, "x", "temp", 1.0)),
                point("weather", T0, Map.of(), Map.of("time", 1.0)),
                point("weather", T0, Map.of("site", "a"), Map.of("site", 1.0)))) {
            assertThatThrownBy(() -> store.replacePoints(provenance(1, "run-1"), List.of(bad).iterator()))
                    .isInstanceOf(LakeException.class).extracting(e -> ((LakeException) e).code().type()).isEqualTo(ErrorType.USER_ERROR);
        }
        assertThatThrownBy(() -> store.replacePoints(provenance(1, "run-1"), List.of(point("weather", T0, Map.of(), Map.of("temp", Double.NaN))).iterator()))
                .isInstanceOf(LakeException.class).extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(store.measurements(project)).isEmpty();
    }

    @Test
    public void reportsAnUnknownMeasurementAsNotFound() {
        write(1, "run-1", List.of(point("weather", T0, Map.of("site", "a"), Map.of("temp", 1.0))));

        assertNotFound(() -> store.tagValues(project, "nope", "site"));
        assertNotFound(() -> store.export(project, "nope", null, null, point -> { }));
        assertNotFound(() -> store.query(new TimeSeriesQuery(project, "nope", "temp", T0, T0.plusSeconds(1), Duration.ofSeconds(1), Aggregate.MEAN, Map.of())));
        assertNotFound(() -> store.export("no-such-project", "weather", null, null, point -> { }));
    }

    @Test
    public void refusesToAggregateAFieldThatIsMissingOrNotNumeric() {
        write(1, "run-1", List.of(point("weather", T0, Map.of(), Map.of("temp", 1.0, "note", "x", "ok", true))));

        for (String field : List.of("note", "ok", "nope", TimeSeriesStore.RUN_FIELD)) {
            assertThatThrownBy(() -> store.query(new TimeSeriesQuery(project, "weather", field, T0, T0.plusSeconds(1), Duration.ofSeconds(1),
                    Aggregate.MEAN, Map.of()))).isInstanceOf(LakeException.class)
                    .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        }
    }

    @Test
    public void reportsAnUnreachableServerAsAnExternalError() {
        try (TimeSeriesStore unreachable = unreachableStore()) {
            for (Runnable call : List.<Runnable>of(
                    () -> unreachable.measurements(project),
                    () -> unreachable.replacePoints(provenance(1, "run-1"), List.of(point("weather", T0, Map.of(), Map.of("temp", 1.0))).iterator()),
                    () -> unreachable.export(project, "weather", null, null, point -> { }))) {
                assertThatThrownBy(call::run).isInstanceOf(LakeException.class)
                        .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.GOLD_ZONE_UNAVAILABLE);
            }
        }
        assertThat(ErrorCode.GOLD_ZONE_UNAVAILABLE.type()).isEqualTo(ErrorType.EXTERNAL);
    }

    // ---- helpers ----

    /** Site a: 1, 2, 6 in minute 0 (and a point without the field), none in minute 1, 4 and -2 in minute 2; site b elsewhere. */
    private void writeSeries() {
        write(1, "run-1", List.of(
                point("weather", T0, Map.of("site", "a"), Map.of("value", 1.0)),
                point("weather", T0.plusSeconds(5), Map.of("site", "a"), Map.of("other", 99.0)),
                point("weather", T0.plusSeconds(20), Map.of("site", "a"), Map.of("value", 2.0)),
                point("weather", T0.plusSeconds(40), Map.of("site", "a"), Map.of("value", 6.0)),
                point("weather", T0.plusSeconds(30), Map.of("site", "b"), Map.of("value", 100.0)),
                point("weather", T0.plusSeconds(90), Map.of("site", "b"), Map.of("value", 100.0)),
                point("weather", T0.plusSeconds(130), Map.of("site", "a"), Map.of("value", 4.0)),
                point("weather", T0.plusSeconds(170), Map.of("site", "a"), Map.of("value", -2.0))));
    }

    protected Provenance provenance(long objectId, String runId) {
        return new Provenance(project, objectId, runId);
    }

    protected void write(long objectId, String runId, List<Point> points) {
        assertThat(store.replacePoints(provenance(objectId, runId), points.iterator())).isEqualTo(points.size());
    }

    protected List<Point> export(String measurement, Instant from, Instant to) {
        List<Point> points = new ArrayList<>();
        store.export(project, measurement, from, to, points::add);
        return points;
    }

    /**
     * The measurement's times once it holds {@code count} points. After a failed write nothing promises visibility (the
     * engine may still be applying the batches it accepted), so this polls with a deadline.
     */
    private List<Instant> awaitTimes(String measurement, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Instant> times = times(export(measurement, null, null));
        while (times.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            times = times(export(measurement, null, null));
        }
        return times;
    }

    protected static Point point(String measurement, Instant time, Map<String, String> tags, Map<String, Object> fields) {
        return new Point(measurement, tags, fields, time);
    }

    /** The point as an export returns it: with its source object as a tag and its run as a field. */
    protected static Point withProvenance(Point point, long objectId, String runId) {
        Map<String, String> tags = new HashMap<>();
        point.tags().forEach((key, value) -> {
            if (!value.isEmpty()) {
                tags.put(key, value);
            }
        });
        tags.put(TimeSeriesStore.OBJECT_TAG, Long.toString(objectId));
        Map<String, Object> fields = new HashMap<>(point.fields());
        fields.put(TimeSeriesStore.RUN_FIELD, runId);
        return new Point(point.measurement(), tags, fields, point.time());
    }

    private static List<Point> reRun(List<Point> points, String runId) {
        return points.stream().map(p -> {
            Map<String, Object> fields = new HashMap<>(p.fields());
            fields.put(TimeSeriesStore.RUN_FIELD, runId);
            return new Point(p.measurement(), p.tags(), fields, p.time());
        }).toList();
    }

    private static List<Instant> times(List<Point> points) {
        return points.stream().map(Point::time).toList();
    }

    private static DerivedRecords derived(String measurement, long count, long objectId, String runId) {
        return new DerivedRecords(GoldZone.TIME_SERIES, "points", measurement, count, objectId, runId);
    }

    private static Iterator<Point> failingAfter(List<Point> points, RuntimeException failure) {
        Iterator<Point> delegate = points.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Point next() {
                if (delegate.hasNext()) {
                    return delegate.next();
                }
                throw failure;
            }
        };
    }

    private static void assertBucketValues(List<Bucket> buckets, Double... expected) {
        assertThat(buckets).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            Double actual = buckets.get(i).value();
            if (expected[i] == null) {
                assertThat(actual).as("bucket %d of %s", i, Arrays.toString(expected)).isNull();
            } else {
                assertThat(actual).as("bucket %d of %s", i, Arrays.toString(expected)).isNotNull().isCloseTo(expected[i], within(1e-9));
            }
        }
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(LakeException.class)
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.MEASUREMENT_NOT_FOUND);
    }
}
