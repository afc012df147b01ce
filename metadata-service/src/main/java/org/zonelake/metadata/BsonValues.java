package org.zonelake.metadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;

/** Conversions between Java values and what the driver reads back, shared by the record codecs. */
final class BsonValues {
    private BsonValues() {}

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** A free-form map (template values) as a sub-document; instants become BSON dates. */
    static Document document(Map<String, ?> map) {
        Document document = new Document();
        map.forEach((key, value) -> document.append(key, toBson(value)));
        return document;
    }

    /** A sub-document back as a map of Java values; nulls are dropped because the records hold immutable maps. */
    static Map<String, Object> map(Document document) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((key, value) -> {
                if (value != null) {
                    map.put(key, fromBson(value));
                }
            });
        }
        return map;
    }

    private static Object toBson(Object value) {
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof Map<?, ?> nested) {
            Document document = new Document();
            nested.forEach((key, item) -> document.append(String.valueOf(key), toBson(item)));
            return document;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(BsonValues::toBson).toList();
        }
        return value;
    }

    private static Object fromBson(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Document nested) {
            return Collections.unmodifiableMap(map(nested));
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                if (item != null) {
                    items.add(fromBson(item));
                }
            }
            return List.copyOf(items);
        }
        return value;
    }
}
