package org.zonelake.graph;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Checks property maps before they reach Neo4j and converts them to what it stores: strings, longs, doubles,
 * booleans and homogeneous lists of one of them. Nested maps and other types are the caller's error (callers
 * flatten); {@code zl_} names are reserved for the lake's bookkeeping; {@code null} values are left out.
 */
final class PropertyValues {
    static final String RESERVED_PREFIX = "zl_";

    private PropertyValues() {}

    /** The properties of {@code owner} (a node key or a relationship) as Neo4j stores them. */
    static Map<String, Object> stored(String owner, Map<String, Object> properties) {
        Map<String, Object> stored = new HashMap<>();
        properties.forEach((name, value) -> {
            checkName(owner, name);
            if (value != null) {
                stored.put(name, storedValue(owner, name, value));
            }
        });
        return stored;
    }

    private static void checkName(String owner, String name) {
        if (name.isBlank() || name.startsWith(RESERVED_PREFIX)) {
            throw LakeException.of(ErrorCode.INVALID_DATA,
                    "Cannot store property '%s' of %s: names must not be blank nor start with %s", name, owner, RESERVED_PREFIX);
        }
    }

    private static Object storedValue(String owner, String name, Object value) {
        if (value instanceof Collection<?> list) {
            return storedList(owner, name, list);
        }
        Object scalar = scalar(value);
        if (scalar == null) {
            String problem = value instanceof Map ? "a nested map (flatten it first)" : "of type " + value.getClass().getSimpleName();
            throw invalid(owner, name, value, problem);
        }
        return scalar;
    }

    /** A list keeps one element type: numbers become all longs, or all doubles when any of them has a fraction. */
    private static List<Object> storedList(String owner, String name, Collection<?> list) {
        List<Object> stored = new ArrayList<>(list.size());
        for (Object element : list) {
            Object scalar = element == null ? null : scalar(element);
            if (scalar == null) {
                throw invalid(owner, name, list, "a list holding " + (element == null ? "null" : element.getClass().getSimpleName()));
            }
            stored.add(scalar);
        }
        if (stored.stream().allMatch(e -> e instanceof Number) && stored.stream().anyMatch(e -> e instanceof Double)) {
            stored.replaceAll(e -> ((Number) e).doubleValue());
        }
        if (stored.stream().map(PropertyValues::kind).distinct().count() > 1) {
            throw invalid(owner, name, list, "a list mixing types");
        }
        return stored;
    }

    private static Object scalar(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        return null;
    }

    private static String kind(Object scalar) {
        return scalar instanceof Number ? "number" : scalar.getClass().getSimpleName();
    }

    private static LakeException invalid(String owner, String name, Object value, String problem) {
        return LakeException.of(ErrorCode.INVALID_DATA,
                "Cannot store property '%s' of %s: the value %s is %s; use strings, numbers, booleans or lists of one of them",
                name, owner, abbreviated(value), problem);
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
