package org.zonelake.ingest.fakes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.GoldZone;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.RecordSink;
import org.zonelake.core.gold.timeseries.Aggregate;
import org.zonelake.core.gold.timeseries.Bucket;
import org.zonelake.core.gold.timeseries.Measurement;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.gold.timeseries.TimeSeriesQuery;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;

/**
 * A time-series zone in memory for gateway tests. Points carry their source object id as the tag
 * {@value #OBJECT_TAG} and their run id as the field {@value #RUN_FIELD}, as the real engines store them; buckets
 * are aligned to the epoch, as InfluxDB's {@code GROUP BY time} aligns them, and empty ones hold {@code null}.
 */
public final class InMemoryTimeSeriesStore implements TimeSeriesStore {
    private final Map<String, List<Point>> pointsByProject = new HashMap<>();

    @Override
    public synchronized long replacePoints(Provenance provenance, Iterator<Point> points) {
        String objectId = Long.toString(provenance.objectId());
        List<Point> stored = pointsByProject.computeIfAbsent(provenance.project(), p -> new ArrayList<>());
        stored.removeIf(point -> objectId.equals(point.tags().get(OBJECT_TAG)));
        long written = 0;
        while (points.hasNext()) {
            Point point = points.next();
            Map<String, String> tags = new HashMap<>(point.tags());
            tags.put(OBJECT_TAG, objectId);
            Map<String, Object> fields = new HashMap<>(point.fields());
            fields.put(RUN_FIELD, provenance.runId());
            stored.add(new Point(point.measurement(), tags, fields, point.time()));
            written++;
        }
        return written;
    }

    @Override
    public synchronized List<Measurement> measurements(String project) {
        Map<String, List<Point>> byName = new TreeMap<>(points(project).stream().collect(Collectors.groupingBy(Point::measurement)));
        List<Measurement> measurements = new ArrayList<>();
        byName.forEach((name, points) -> {
            TreeSet<String> tags = new TreeSet<>();
            TreeSet<String> fields = new TreeSet<>();
            points.forEach(point -> {
                tags.addAll(point.tags().keySet());
                fields.addAll(point.fields().keySet());
            });
            tags.remove(OBJECT_TAG);
            fields.remove(RUN_FIELD);
            measurements.add(new Measurement(name, List.copyOf(tags), List.copyOf(fields)));
        });
        return measurements;
    }

    @Override
    public synchronized List<String> tagValues(String project, String measurement, String tagKey) {
        return points(project).stream().filter(point -> point.measurement().equals(measurement))
                .map(point -> point.tags().get(tagKey)).filter(Objects::nonNull).distinct().sorted().toList();
    }

    @Override
    public synchronized List<Bucket> query(TimeSeriesQuery query) {
        long width = query.interval().toNanos();
        Instant first = Instant.EPOCH.plusNanos(Math.floorDiv(nanos(query.from()), width) * width);
        Map<Instant, List<Double>> values = new LinkedHashMap<>();
        for (Instant start = first; start.isBefore(query.to()); start = start.plus(query.interval())) {
            values.put(start, new ArrayList<>());
        }
        points(query.project()).stream()
                .filter(point -> point.measurement().equals(query.measurement()))
                .filter(point -> !point.time().isBefore(query.from()) && point.time().isBefore(query.to()))
                .filter(point -> point.tags().entrySet().containsAll(query.tags().entrySet()))
                .filter(point -> point.fields().get(query.field()) instanceof Number)
                .sorted(Comparator.comparing(Point::time))
                .forEach(point -> values.get(Instant.EPOCH.plusNanos(Math.floorDiv(nanos(point.time()), width) * width))
                        .add(((Number) point.fields().get(query.field())).doubleValue()));
        List<Bucket> buckets = new ArrayList<>();
        values.forEach((start, inBucket) -> buckets.add(new Bucket(start, aggregate(query.aggregate(), inBucket))));
        return buckets;
    }

    private static long nanos(Instant instant) {
        return Duration.between(Instant.EPOCH, instant).toNanos();
    }

    private static Double aggregate(Aggregate aggregate, List<Double> values) {
        if (values.isEmpty()) {
            return aggregate == Aggregate.COUNT ? 0.0 : null;
        }
        return switch (aggregate) {
            case MEAN -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            case MIN -> values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case MAX -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case SUM -> values.stream().mapToDouble(Double::doubleValue).sum();
            case COUNT -> (double) values.size();
            case FIRST -> values.get(0);
            case LAST -> values.get(values.size() - 1);
        };
    }

    @Override
    public void export(String project, String measurement, Instant from, Instant to, RecordSink<Point> sink) {
        List<Point> selected;
        synchronized (this) {
            selected = points(project).stream()
                    .filter(point -> point.measurement().equals(measurement))
                    .filter(point -> (from == null || !point.time().isBefore(from)) && (to == null || point.time().isBefore(to)))
                    .sorted(Comparator.comparing(Point::time))
                    .toList();
        }
        for (Point point : selected) {
            try {
                sink.accept(point);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public synchronized List<DerivedRecords> derivedFrom(String project, long objectId) {
        String id = Long.toString(objectId);
        Map<String, List<Point>> byName = new TreeMap<>(points(project).stream().filter(point -> id.equals(point.tags().get(OBJECT_TAG)))
                .collect(Collectors.groupingBy(Point::measurement)));
        List<DerivedRecords> derived = new ArrayList<>();
        byName.forEach((name, points) -> derived.add(new DerivedRecords(GoldZone.TIME_SERIES, "points", name, points.size(), objectId,
                String.valueOf(points.get(0).fields().get(RUN_FIELD)))));
        return derived;
    }

    private List<Point> points(String project) {
        return pointsByProject.getOrDefault(project, List.of());
    }
}
