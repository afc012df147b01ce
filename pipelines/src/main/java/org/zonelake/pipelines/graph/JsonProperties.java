package org.zonelake.pipelines.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON values as graph properties, which are strings, numbers, booleans or lists of one of them: nested objects are
 * flattened with dotted keys ({@code pos.x}), nulls and empty lists dropped, lists of mixed or nested values kept
 * as their JSON text. The stores' own keys ({@code zl_...}) are dropped, since the store sets them.
 */
final class JsonProperties {
    private static final Set<String> RESERVED = Set.of("zl_project", "zl_object_id", "zl_run_id");

    private JsonProperties() {}

    /** Flattens the fields of {@code object} except {@code skipped} into {@code into}. */
    static void flatten(JsonNode object, Set<String> skipped, Map<String, Object> into) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!skipped.contains(field.getKey())) {
                put(field.getKey(), field.getValue(), into);
            }
        }
    }

    private static void put(String key, JsonNode value, Map<String, Object> into) {
        if (RESERVED.contains(key)) {
            return;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(field -> put(key + "." + field.getKey(), field.getValue(), into));
        } else if (value.isArray()) {
            Object list = list(value);
            if (list != null) {
                into.put(key, list);
            }
        } else {
            Object scalar = scalar(value);
            if (scalar != null) {
                into.put(key, scalar);
            }
        }
    }

    private static Object list(JsonNode array) {
        if (array.isEmpty()) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        Class<?> kind = null;
        for (JsonNode element : array) {
            Object value = element.isValueNode() ? scalar(element) : null;
            Class<?> elementKind = value instanceof Number ? Number.class : value == null ? null : value.getClass();
            if (elementKind == null || (kind != null && kind != elementKind)) {
                return array.toString();
            }
            kind = elementKind;
            values.add(value);
        }
        boolean whole = values.stream().allMatch(v -> v instanceof Long);
        return kind == Number.class && !whole ? values.stream().map(v -> ((Number) v).doubleValue()).toList() : List.copyOf(values);
    }

    /** A scalar as a property value: Long, Double, Boolean or String; null for JSON null. */
    static Object scalar(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.longValue() : value.asText();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.asText();
    }
}
