package org.zonelake.pipelines.timeseries;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.LongFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.StepResult;

/**
 * Loads projected rows into the time-series zone in two passes over the data, streamed partition by partition to
 * the driver: a validating pass that converts every row and stops at the first bad one, then the writing pass that
 * converts them again into {@link TimeSeriesStore#replacePoints}. So bad data writes nothing, and no pass holds
 * more than one partition of rows.
 */
final class PointLoader {
    private static final int CANCEL_CHECK_EVERY = 10_000;
    private static final int NAMES_IN_SUMMARY = 10;

    private final TimeSeriesStore store;

    PointLoader(TimeSeriesStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * Validates then writes; {@code label} names a record by its 0-based position (e.g. "record index 3") in
     * failure reasons. Throws CancellationException if the run is cancelled before the write.
     */
    StepResult load(StepContext context, Dataset<Row> rows, PointMapper mapper, LongFunction<String> label) {
        Validation validation = validate(context, rows.toLocalIterator(), mapper, label);
        if (validation.failure != null) {
            context.log("%s; nothing was written", validation.failure);
            return StepResult.failed(validation.failure + "; nothing was written");
        }
        if (validation.points == 0) {
            return StepResult.notHandled("the object holds no records");
        }
        if (context.cancelRequested()) {
            throw new CancellationException("cancelled after validating " + validation.points + " records, before writing");
        }
        context.log("validated %d records, writing them", validation.points);
        long written = store.replacePoints(context.provenance(), new Points(rows.toLocalIterator(), mapper));
        String summary = String.format(Locale.ROOT, "%,d points into %s", written, names(validation));
        context.log("%s", summary);
        return StepResult.succeeded(summary);
    }

    private Validation validate(StepContext context, Iterator<Row> rows, PointMapper mapper, LongFunction<String> label) {
        Validation validation = new Validation();
        while (rows.hasNext()) {
            if (validation.points % CANCEL_CHECK_EVERY == 0 && context.cancelRequested()) {
                throw new CancellationException("cancelled while validating, after " + validation.points + " records");
            }
            try {
                Point point = mapper.toPoint(rows.next());
                if (validation.measurements.size() <= NAMES_IN_SUMMARY) {
                    validation.measurements.add(point.measurement());
                }
            } catch (BadRecordException e) {
                validation.failure = label.apply(validation.points) + " " + e.getMessage();
                return validation;
            }
            validation.points++;
        }
        return validation;
    }

    private static String names(Validation validation) {
        Set<String> names = validation.measurements;
        String listed = String.join(", ", names.stream().limit(NAMES_IN_SUMMARY).toList());
        String noun = names.size() == 1 ? "measurement " : "measurements ";
        return noun + listed + (names.size() > NAMES_IN_SUMMARY ? ", ..." : "");
    }

    private static final class Validation {
        final Set<String> measurements = new TreeSet<>();
        long points;
        String failure;
    }

    /** The writing pass: the same conversion, which cannot fail now unless the data changed under the run. */
    private record Points(Iterator<Row> rows, PointMapper mapper) implements Iterator<Point> {
        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Point next() {
            try {
                return mapper.toPoint(rows.next());
            } catch (BadRecordException e) {
                throw new IllegalStateException("A record valid in the first pass is not in the second: " + e.getMessage(), e);
            }
        }
    }
}
