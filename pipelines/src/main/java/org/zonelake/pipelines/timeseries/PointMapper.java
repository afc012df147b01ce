package org.zonelake.pipelines.timeseries;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.metadata.TimeSeriesMapping;

/**
 * Turns one projected row ({@link PointColumns#selection()}) into a point. Numbers become doubles, so a field keeps
 * one type across objects; text that reads as a number or as {@code true}/{@code false} becomes one; empty text
 * and nulls are absent. A record without a time or without any value is bad data.
 */
final class PointMapper {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]+");

    private final TimeSeriesMapping mapping;
    private final PointColumns columns;
    private final TimeParser times;

    PointMapper(TimeSeriesMapping mapping, PointColumns columns, TimeParser times) {
        this.mapping = requireNonNull(mapping, "mapping is null");
        this.columns = requireNonNull(columns, "columns is null");
        this.times = requireNonNull(times, "times is null");
    }

    /** The point of the row; BadRecordException with the reason if it has none. */
    Point toPoint(Row row) {
        int position = 0;
        Object time = row.get(position++);
        String measurement = mapping.measurement();
        if (columns.measurement() != null) {
            measurement = measurementName(row.get(position++), measurement);
        }
        Map<String, String> tags = new HashMap<>();
        for (String tag : columns.tags()) {
            String value = tagValue(tag, row.get(position++));
            if (value != null) {
                tags.put(tag, value);
            }
        }
        Map<String, Object> fields = new HashMap<>();
        for (String field : columns.values()) {
            Object value = fieldValue(field, row.get(position++));
            if (value != null) {
                fields.put(field, value);
            }
        }
        if (columns.corrupt() != null && row.get(position) != null) {
            throw new BadRecordException("does not split into the header's columns: " + abbreviated(row.getString(position)));
        }
        return point(measurement, tags, fields, time);
    }

    private Point point(String measurement, Map<String, String> tags, Map<String, Object> fields, Object time) {
        if (time == null || time instanceof String text && text.isBlank()) {
            throw new BadRecordException("has no time in field '" + mapping.timeField() + "'");
        }
        Instant instant = times.parse(time);
        if (fields.isEmpty()) {
            throw new BadRecordException("has no value in any of the fields " + columns.values());
        }
        return new Point(measurement, tags, fields, instant);
    }

    /** A measurement name from data: runs of characters other than letters, digits, _ . - become one _. */
    static String sanitised(String name) {
        String safe = UNSAFE.matcher(name.trim()).replaceAll("_");
        int start = 0;
        int end = safe.length();
        while (start < end && safe.charAt(start) == '_') {
            start++;
        }
        while (end > start && safe.charAt(end - 1) == '_') {
            end--;
        }
        return safe.substring(start, end);
    }

    private static String measurementName(Object value, String fallback) {
        if (value == null || !atomic(value)) {
            return fallback;
        }
        String name = sanitised(value.toString());
        return name.isEmpty() ? fallback : name;
    }

    private static String tagValue(String tag, Object value) {
        if (value == null) {
            return null;
        }
        if (!atomic(value)) {
            throw new BadRecordException("has an object or array in tag field '" + tag + "', where text or a number belongs");
        }
        String text = value instanceof BigDecimal big ? big.toPlainString() : value.toString();
        return text.isBlank() ? null : text;
    }

    private static Object fieldValue(String field, Object value) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return finite(field, number.doubleValue());
        }
        if (!(value instanceof String text)) {
            throw new BadRecordException("has an object or array in value field '" + field
                    + "', where a number, boolean or text belongs");
        }
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (TimeParser.NUMBER.matcher(trimmed).matches()) {
            return finite(field, Double.parseDouble(trimmed));
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false") ? Boolean.valueOf(lower) : text;
    }

    private static Double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new BadRecordException("has value " + value + " in field '" + field + "', too large for a number field");
        }
        return value;
    }

    private static boolean atomic(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static String abbreviated(String text) {
        String line = text.strip();
        return line.length() <= 120 ? "'" + line + "'" : "'" + line.substring(0, 120) + "...'";
    }
}
