package org.zonelake.timeseries;

import static org.zonelake.core.error.ErrorCode.INVALID_NAME;
import static org.zonelake.core.error.ErrorCode.INVALID_REQUEST;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.identity.Project;

/**
 * The rules every adapter applies before writing, so that both engines accept and return the same points: names
 * without control characters, keys outside the lake's reserved ones, finite numbers, and empty tag values treated as
 * absent (as InfluxDB does).
 */
final class PointRules {
    /** The time column; InfluxDB refuses it as a key, QuestDB uses it for the designated timestamp. */
    static final String TIME = "time";
    /** Keys with this prefix belong to the lake ({@code zl_object_id}, {@code zl_run_id}, engine bookkeeping). */
    static final String RESERVED_PREFIX = "zl_";

    private PointRules() {}

    static String requireProject(String project) {
        if (!Project.isValidName(project)) {
            throw LakeException.of(INVALID_NAME, "Cannot use project '%s' in the time-series zone: a project name is 1 to 63 "
                    + "lower-case letters, digits, _ or -, starting with a letter or digit", project);
        }
        return project;
    }

    static String requireMeasurement(String measurement) {
        if (measurement == null || measurement.isBlank() || hasControlCharacter(measurement)) {
            throw LakeException.of(INVALID_NAME, "Cannot use measurement name '%s': it is empty or holds control characters", measurement);
        }
        return measurement;
    }

    /** The point as the adapters write it: tags sorted, empty tag values dropped, integral numbers as Long. */
    static Point checked(Point point) {
        requireMeasurement(point.measurement());
        Map<String, String> tags = new TreeMap<>();
        point.tags().forEach((key, value) -> {
            requireKey(point, "tag", key);
            if (hasControlCharacter(value)) {
                throw LakeException.of(INVALID_REQUEST, "Cannot write point of %s at %s: value of tag %s holds control characters",
                        point.measurement(), point.time(), key);
            }
            if (!value.isEmpty()) {
                tags.put(key, value);
            }
        });
        Map<String, Object> fields = new LinkedHashMap<>();
        point.fields().forEach((key, value) -> {
            requireKey(point, "field", key);
            if (point.tags().containsKey(key)) {
                throw LakeException.of(INVALID_NAME, "Cannot write point of %s at %s: %s is both a tag and a field",
                        point.measurement(), point.time(), key);
            }
            fields.put(key, fieldValue(point, key, value));
        });
        return new Point(point.measurement(), tags, fields, point.time());
    }

    private static void requireKey(Point point, String kind, String key) {
        if (key.isEmpty() || hasControlCharacter(key)) {
            throw LakeException.of(INVALID_NAME, "Cannot write point of %s at %s: %s key '%s' is empty or holds control characters",
                    point.measurement(), point.time(), kind, key);
        }
        if (key.equals(TIME) || key.startsWith(RESERVED_PREFIX)) {
            throw LakeException.of(INVALID_NAME, "Cannot write point of %s at %s: %s key '%s' is reserved (time and keys starting with %s)",
                    point.measurement(), point.time(), kind, key, RESERVED_PREFIX);
        }
    }

    private static Object fieldValue(Point point, String key, Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw LakeException.of(INVALID_REQUEST, "Cannot write point of %s at %s: field %s is %s, not a finite number",
                        point.measurement(), point.time(), key, value);
            }
            return number;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Boolean || value instanceof String) {
            return value;
        }
        throw LakeException.of(INVALID_REQUEST, "Cannot write point of %s at %s: field %s is a %s; fields are numbers, booleans or text",
                point.measurement(), point.time(), key, value.getClass().getSimpleName());
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
