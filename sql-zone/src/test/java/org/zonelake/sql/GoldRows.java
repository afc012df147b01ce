package org.zonelake.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.core.gold.sql.TableSchema;

/** Rows for gold-table tests, made up on demand so that large writes never sit in memory. */
public final class GoldRows {
    public static final List<Column> COLUMNS = List.of(
            new Column("id", ColumnType.INTEGER), new Column("amount", ColumnType.DECIMAL, 2), new Column("ratio", ColumnType.DOUBLE),
            new Column("active", ColumnType.BOOLEAN), new Column("day", ColumnType.DATE), new Column("seen_at", ColumnType.TIMESTAMP),
            new Column("note", ColumnType.TEXT));
    public static final TableSchema SALES = new TableSchema("sales", COLUMNS);
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");

    private GoldRows() {}

    /** A row of {@link #COLUMNS} made from {@code id}; every fifth has a null note, every seventh a null amount. */
    public static List<Object> row(long id) {
        return values(id, id % 7 == 0 ? null : BigDecimal.valueOf(id * 100 + 25, 2), id / 4.0, id % 2 == 0,
                LocalDate.of(2024, 1, 1).plusDays(id), T0.plusSeconds(id), id % 5 == 0 ? null : "note " + id + " – ü");
    }

    /** {@link #row} as read back: the values, then object id, run id and the row's number within the object. */
    public static List<Object> stored(long id, long objectId, String runId, long rowNumber) {
        List<Object> values = new ArrayList<>(row(id));
        values.addAll(List.of(objectId, runId, rowNumber));
        return Collections.unmodifiableList(values);
    }

    /** Rows {@code from} to {@code to} inclusive. */
    public static Iterator<List<Object>> rows(long from, long to) {
        return generated(from, to, -1);
    }

    /** Rows from {@code from} on, the iterator failing with an {@link IllegalStateException} after {@code good} rows. */
    public static Iterator<List<Object>> failingAfter(long from, long good) {
        return generated(from, Long.MAX_VALUE, from + good);
    }

    /** A list that may hold nulls. */
    public static List<Object> values(Object... values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    private static Iterator<List<Object>> generated(long from, long to, long failAt) {
        return new Iterator<>() {
            private long next = from;

            @Override
            public boolean hasNext() {
                if (next == failAt) {
                    throw new IllegalStateException("source failed before row " + next);
                }
                return next <= to;
            }

            @Override
            public List<Object> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return row(next++);
            }
        };
    }
}
