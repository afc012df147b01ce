package org.zonelake.pipelines.timeseries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.RecordSink;
import org.zonelake.core.gold.timeseries.Bucket;
import org.zonelake.core.gold.timeseries.Measurement;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.gold.timeseries.TimeSeriesQuery;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;

/**
 * Points per (project, object) in memory. All or nothing, like a store must look to a pipeline: a replace takes
 * effect only once the iterator is fully consumed without failing.
 */
final class FakeTimeSeriesStore implements TimeSeriesStore {
    private final Map<String, List<Point>> byObject = new ConcurrentHashMap<>();
    private final AtomicInteger replaces = new AtomicInteger();

    @Override
    public long replacePoints(Provenance provenance, Iterator<Point> points) {
        List<Point> staged = new ArrayList<>();
        points.forEachRemaining(staged::add);
        byObject.put(key(provenance.project(), provenance.objectId()), List.copyOf(staged));
        replaces.incrementAndGet();
        return staged.size();
    }

    /** The object's points, in the order written; empty if none. */
    List<Point> points(String project, long objectId) {
        return byObject.getOrDefault(key(project, objectId), List.of());
    }

    int replaces() {
        return replaces.get();
    }

    boolean isEmpty() {
        return byObject.isEmpty();
    }

    @Override
    public List<Measurement> measurements(String project) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> tagValues(String project, String measurement, String tagKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Bucket> query(TimeSeriesQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void export(String project, String measurement, Instant from, Instant to, RecordSink<Point> sink) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DerivedRecords> derivedFrom(String project, long objectId) {
        throw new UnsupportedOperationException();
    }

    private static String key(String project, long objectId) {
        return project + "/" + objectId;
    }
}
