package org.zonelake.timeseries;

import static org.zonelake.core.error.ErrorCode.INVALID_NAME;
import static org.zonelake.core.error.ErrorCode.INVALID_REQUEST;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.timeseries.Point;

/** What QuestDB asks of points beyond {@link PointRules}, and the tags and field types a batch needs in a table. */
final class QuestDbPoints {
    private QuestDbPoints() {}

    /** Shared rules, then QuestDB's: column names, case-insensitive keys, times from 1970, no Long.MIN_VALUE (its null). */
    static Point checked(String project, Point raw) {
        Point point = PointRules.checked(raw);
        QuestDbNames.table(project, point.measurement());
        Set<String> keys = new LinkedHashSet<>();
        point.tags().keySet().forEach(key -> requireColumn(point, "tag", key, keys));
        point.fields().forEach((key, value) -> {
            requireColumn(point, "field", key, keys);
            if (value instanceof Long number && number == Long.MIN_VALUE) {
                throw LakeException.of(INVALID_REQUEST, "Cannot write point of %s at %s: field %s is %d, QuestDB's null",
                        point.measurement(), point.time(), key, number);
            }
        });
        if (point.time().isBefore(Instant.EPOCH)) {
            throw LakeException.of(INVALID_REQUEST, "Cannot write point of %s at %s: QuestDB stores times from 1970-01-01T00:00:00Z on",
                    point.measurement(), point.time());
        }
        return point;
    }

    private static void requireColumn(Point point, String kind, String key, Set<String> keys) {
        QuestDbNames.requireColumnName(point.measurement(), kind, key);
        if (!keys.add(key.toLowerCase(Locale.ROOT))) {
            throw LakeException.of(INVALID_NAME, "Cannot write point of %s at %s: QuestDB column names ignore case, and %s appears twice",
                    point.measurement(), point.time(), key);
        }
    }

    static List<String> tagKeys(List<Point> points) {
        Set<String> keys = new LinkedHashSet<>();
        points.forEach(point -> keys.addAll(point.tags().keySet()));
        return List.copyOf(keys);
    }

    /** Each field's type in this batch: integers and floating-point numbers together become floating point. */
    static Map<String, QuestDbSchema.FieldType> fieldTypes(String measurement, List<Point> points) {
        Map<String, QuestDbSchema.FieldType> types = new LinkedHashMap<>();
        points.forEach(point -> point.fields().forEach((key, value) -> types.merge(key, QuestDbSchema.FieldType.of(value), (a, b) -> {
            if (a == b) {
                return a;
            }
            if (a.columnType.matches("DOUBLE|LONG") && b.columnType.matches("DOUBLE|LONG")) {
                return QuestDbSchema.FieldType.DOUBLE;
            }
            throw LakeException.of(INVALID_REQUEST, "Cannot write field %s of measurement %s: it has both %s and %s values",
                    key, measurement, a, b);
        })));
        return types;
    }
}
