package org.zonelake.sql;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.zonelake.core.gold.sql.Column;

/**
 * Moves values between Java and JDBC by column type. Checks in Java what either engine would refuse, so both
 * refuse the same values: decimals with more places than the column's scale or more than 38 digits, dates and
 * timestamps outside the years 1 to 9999, text with NUL characters. Timestamps are kept to the microsecond.
 */
final class ColumnValues {
    static final int MAX_PRECISION = 38;
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private ColumnValues() {}

    /** Binds {@code value} (null allowed); an {@link IllegalArgumentException} says why the column cannot hold it. */
    static void bind(PreparedStatement statement, int index, Column column, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType(column));
            return;
        }
        switch (column.type()) {
            case INTEGER -> statement.setLong(index, as(Long.class, column, value));
            case DECIMAL -> statement.setBigDecimal(index, decimal(column, as(BigDecimal.class, column, value)));
            case DOUBLE -> statement.setDouble(index, as(Double.class, column, value));
            case BOOLEAN -> statement.setBoolean(index, as(Boolean.class, column, value));
            case DATE -> statement.setObject(index, date(column, as(LocalDate.class, column, value)));
            case TIMESTAMP -> statement.setObject(index, timestamp(column, as(Instant.class, column, value)));
            case TEXT -> statement.setString(index, text(column, as(String.class, column, value)));
        }
    }

    /** The value of {@code column} at {@code index} of the current row, as the Java type of its column type. */
    static Object read(ResultSet rows, int index, Column column) throws SQLException {
        Object value = switch (column.type()) {
            case INTEGER -> rows.getLong(index);
            case DECIMAL -> scaled(rows.getBigDecimal(index), column);
            case DOUBLE -> rows.getDouble(index);
            case BOOLEAN -> rows.getBoolean(index);
            case DATE -> rows.getObject(index, LocalDate.class);
            case TIMESTAMP -> instant(rows.getObject(index, OffsetDateTime.class));
            case TEXT -> rows.getString(index);
        };
        return rows.wasNull() ? null : value;
    }

    private static int sqlType(Column column) {
        return switch (column.type()) {
            case INTEGER -> Types.BIGINT;
            case DECIMAL -> Types.NUMERIC;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
            case TEXT -> Types.VARCHAR;
        };
    }

    private static <T> T as(Class<T> type, Column column, Object value) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(String.format("column %s (%s) needs a %s, got %s %s",
                    column.name(), column.type(), type.getSimpleName(), value.getClass().getSimpleName(), value));
        }
        return type.cast(value);
    }

    private static BigDecimal decimal(Column column, BigDecimal value) {
        BigDecimal scaled;
        try {
            scaled = value.setScale(column.scale());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(String.format("column %s (DECIMAL with %d decimal places) cannot hold %s",
                    column.name(), column.scale(), value.toPlainString()), e);
        }
        if (scaled.precision() > MAX_PRECISION) {
            throw new IllegalArgumentException(String.format("column %s (DECIMAL of at most %d digits) cannot hold %s",
                    column.name(), MAX_PRECISION, value.toPlainString()));
        }
        return scaled;
    }

    private static LocalDate date(Column column, LocalDate value) {
        if (value.isBefore(FIRST_DAY) || value.isAfter(LAST_DAY)) {
            throw new IllegalArgumentException(String.format("column %s (DATE) cannot hold %s: years 1 to 9999 only", column.name(), value));
        }
        return value;
    }

    private static OffsetDateTime timestamp(Column column, Instant value) {
        OffsetDateTime utc = value.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        if (utc.getYear() < 1 || utc.getYear() > 9999) {
            throw new IllegalArgumentException(String.format("column %s (TIMESTAMP) cannot hold %s: years 1 to 9999 only", column.name(), value));
        }
        return utc;
    }

    private static String text(Column column, String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(String.format("column %s (TEXT) cannot hold a NUL character", column.name()));
        }
        return value;
    }

    private static BigDecimal scaled(BigDecimal value, Column column) {
        return value == null ? null : value.setScale(column.scale());
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
