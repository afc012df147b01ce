package org.zonelake.timeseries;

import static org.zonelake.core.error.ErrorCode.INVALID_NAME;
import static org.zonelake.core.error.ErrorCode.INVALID_REQUEST;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;

/**
 * Points to and from InfluxDB: written with influxdb-java's line protocol (provenance tag and run field added), read
 * back from rows of {@code SELECT *}, where tags and fields are columns alike and the field types say what a JSON
 * number was.
 */
final class InfluxPoints {
    private final String measurement;
    private final Set<String> tagKeys;
    private final Map<String, String> fieldTypes;

    InfluxPoints(String measurement, Set<String> tagKeys, Map<String, String> fieldTypes) {
        this.measurement = measurement;
        this.tagKeys = tagKeys;
        this.fieldTypes = fieldTypes;
    }

    static org.influxdb.dto.Point toInflux(Point raw, Provenance provenance) {
        Point point = checked(raw);
        org.influxdb.dto.Point.Builder builder = org.influxdb.dto.Point.measurement(point.measurement())
                .time(epochNanos(point), TimeUnit.NANOSECONDS)
                .tag(point.tags())
                .tag(TimeSeriesStore.OBJECT_TAG, Long.toString(provenance.objectId()))
                .addField(TimeSeriesStore.RUN_FIELD, provenance.runId());
        point.fields().forEach((key, value) -> {
            if (value instanceof Double number) {
                builder.addField(key, number.doubleValue());
            } else if (value instanceof Long number) {
                builder.addField(key, number.longValue());
            } else if (value instanceof Boolean bool) {
                builder.addField(key, bool.booleanValue());
            } else {
                builder.addField(key, (String) value);
            }
        });
        return builder.build();
    }

    /** Shared rules, then InfluxDB's: no name ending in a backslash (it would escape the delimiter), times 1677 to 2262. */
    private static Point checked(Point raw) {
        Point point = PointRules.checked(raw);
        requireNoTrailingBackslash(point, "measurement", point.measurement());
        point.tags().forEach((key, value) -> {
            requireNoTrailingBackslash(point, "tag key", key);
            requireNoTrailingBackslash(point, "value of tag " + key, value);
        });
        point.fields().keySet().forEach(key -> requireNoTrailingBackslash(point, "field key", key));
        epochNanos(point);
        return point;
    }

    private static void requireNoTrailingBackslash(Point point, String kind, String text) {
        if (text.endsWith("\\")) {
            throw LakeException.of(INVALID_NAME, "Cannot write point of %s at %s to InfluxDB: %s '%s' ends with a backslash, which line "
                    + "protocol cannot carry", point.measurement(), point.time(), kind, text);
        }
    }

    private static long epochNanos(Point point) {
        try {
            return InfluxQl.nanos(point.time());
        } catch (ArithmeticException e) {
            throw LakeException.of(INVALID_REQUEST, "Cannot write point of %s at %s: InfluxDB stores times from 1677-09-21 to 2262-04-11",
                    point.measurement(), point.time());
        }
    }

    /** The point of one row; {@code columns} are the answer's: {@code time}, then tag and field keys. */
    Point point(List<String> columns, List<Object> row) {
        Instant time = Instant.parse((String) row.get(0));
        Map<String, String> tags = new HashMap<>();
        Map<String, Object> fields = new HashMap<>();
        for (int i = 1; i < columns.size(); i++) {
            Object value = row.get(i);
            String column = columns.get(i);
            if (value == null) {
                continue;
            }
            String type = fieldTypes.get(column);
            if (type != null) {
                fields.put(column, fieldValue(type, value));
            } else if (tagKeys.contains(column)) {
                tags.put(column, String.valueOf(value));
            }
        }
        return new Point(measurement, tags, fields, time);
    }

    private static Object fieldValue(String type, Object value) {
        return switch (type) {
            // JSON has one kind of number: the field's type decides (integers beyond 2^53 lose precision on the way).
            case "integer" -> ((Number) value).longValue();
            case "float" -> ((Number) value).doubleValue();
            default -> value;
        };
    }
}
