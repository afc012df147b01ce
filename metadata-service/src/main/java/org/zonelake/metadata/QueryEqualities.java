package org.zonelake.metadata;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fields a query pins to one value: top-level conditions {@code {field: value}}, also inside {@code $and}
 * at any depth (the driver writes {@code Filters.and} that way). Only conditions whose meaning an index can
 * serve are taken: a plain value (string, number, boolean, date, object id, UUID; the server decodes BSON dates
 * as instants) or null (null or missing). Operators, sub-documents, arrays and patterns are left to the matcher.
 */
final class QueryEqualities {
    private static final String AND = "$and";

    private final Map<String, Object> values;

    private QueryEqualities(Map<String, Object> values) {
        this.values = values;
    }

    static QueryEqualities of(Document query) {
        Map<String, Object> values = new HashMap<>();
        collect(query, values);
        return new QueryEqualities(values);
    }

    private static void collect(Document query, Map<String, Object> values) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = condition.getKey();
            Object value = condition.getValue();
            if (AND.equals(field) && value instanceof List<?> clauses) {
                clauses.stream().filter(Document.class::isInstance).forEach(clause -> collect((Document) clause, values));
            } else if (!field.startsWith("$") && (value == null || isPlainValue(value))) {
                values.putIfAbsent(field, value);
            }
        }
    }

    private static boolean isPlainValue(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Instant
                || value instanceof ObjectId || value instanceof UUID;
    }

    /** Whether the field is pinned, to a value or to null. */
    boolean pins(String field) {
        return values.containsKey(field);
    }

    /** Whether the field is pinned to a value other than null. */
    boolean pinsToValue(String field) {
        return values.get(field) != null;
    }

    Object value(String field) {
        return values.get(field);
    }

    /** {@code {key: value, ...}} on exactly these keys, each pinned to a value other than null; null if one is not. */
    Document lookup(List<String> keys) {
        Document lookup = new Document();
        for (String key : keys) {
            if (!pinsToValue(key)) {
                return null;
            }
            lookup.put(key, values.get(key));
        }
        return lookup;
    }
}
