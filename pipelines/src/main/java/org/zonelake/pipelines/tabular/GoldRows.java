package org.zonelake.pipelines.tabular;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.spark.sql.Row;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;

/**
 * Spark rows streamed to the driver ({@code Dataset.toLocalIterator()}, a partition at a time) as gold rows,
 * values converted to the Java types of {@link ColumnType}. Checks for a cancel request every
 * {@value #CANCEL_CHECK_ROWS} rows and then throws, so the gold store never publishes a cancelled write, and reports
 * progress every {@value #PROGRESS_ROWS} rows.
 */
final class GoldRows implements Iterator<List<Object>> {
    static final int CANCEL_CHECK_ROWS = 1024;
    static final int PROGRESS_ROWS = 100_000;

    private final Iterator<Row> rows;
    private final List<Column> columns;
    private final BooleanSupplier cancelRequested;
    private final LongConsumer progress;
    private long count;

    GoldRows(Iterator<Row> rows, List<Column> columns, BooleanSupplier cancelRequested) {
        this(rows, columns, cancelRequested, rowsSoFar -> { });
    }

    /** {@code progress} hears the number of rows handed to the store so far, every {@value #PROGRESS_ROWS} rows. */
    GoldRows(Iterator<Row> rows, List<Column> columns, BooleanSupplier cancelRequested, LongConsumer progress) {
        this.rows = requireNonNull(rows, "rows is null");
        this.columns = List.copyOf(columns);
        this.cancelRequested = requireNonNull(cancelRequested, "cancelRequested is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    @Override
    public boolean hasNext() {
        if (count % CANCEL_CHECK_ROWS == 0 && cancelRequested.getAsBoolean()) {
            throw new CancellationException("Cancelled after " + count + " rows");
        }
        return rows.hasNext();
    }

    @Override
    public List<Object> next() {
        Row row = rows.next();
        count++;
        if (count % PROGRESS_ROWS == 0) {
            progress.accept(count);
        }
        List<Object> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            values.add(value(row.get(i), columns.get(i).type()));
        }
        return values;
    }

    /** A Spark value as the Java value the gold zone takes for {@code type}. */
    static Object value(Object spark, ColumnType type) {
        if (spark == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> ((Number) spark).longValue();
            case DECIMAL -> spark instanceof BigDecimal decimal ? decimal : new BigDecimal(spark.toString());
            case DOUBLE -> ((Number) spark).doubleValue();
            case BOOLEAN -> (Boolean) spark;
            case DATE -> spark instanceof Date date ? date.toLocalDate() : spark;
            case TIMESTAMP -> timestamp(spark);
            case TEXT -> spark.toString();
        };
    }

    private static Object timestamp(Object spark) {
        if (spark instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (spark instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return spark;
    }
}
