package org.zonelake.core.gold.timeseries;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.RecordSink;

/**
 * The time-series gold zone. A project is a database (or a name space in engines without databases). Every
 * point is stored with its source object id as a tag and its run id as a field; writing the same points again
 * for the same object leaves the same state.
 */
public interface TimeSeriesStore extends AutoCloseable {
    /** Tag key carrying the source object id on every point. */
    String OBJECT_TAG = "zl_object_id";
    /** Field key carrying the run id on every point. */
    String RUN_FIELD = "zl_run_id";

    /**
     * Makes {@code points} the object's points: those it contributed before and that are not written again are
     * removed where the engine can delete. Returns the number of points written.
     */
    long replacePoints(Provenance provenance, Iterator<Point> points);

    List<Measurement> measurements(String project);

    /** Distinct values of a tag of a measurement, sorted. */
    List<String> tagValues(String project, String measurement, String tagKey);

    /** Downsampled values, buckets in time order. */
    List<Bucket> query(TimeSeriesQuery query);

    /** Streams the measurement's points in time order, {@code from} and {@code to} optional (null). */
    void export(String project, String measurement, Instant from, Instant to, RecordSink<Point> sink);

    /** The point sets the object contributed, one per measurement. */
    List<DerivedRecords> derivedFrom(String project, long objectId);

    @Override
    default void close() {
    }
}
