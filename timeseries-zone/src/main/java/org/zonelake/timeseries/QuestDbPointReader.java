package org.zonelake.timeseries;

import static org.zonelake.timeseries.QuestDbSchema.OBJECT;
import static org.zonelake.timeseries.QuestDbSchema.REMOVED;
import static org.zonelake.timeseries.QuestDbSchema.RUN;
import static org.zonelake.timeseries.QuestDbSchema.SYMBOL;
import static org.zonelake.timeseries.QuestDbSchema.TIME;
import static org.zonelake.timeseries.QuestDbSchema.WRITE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zonelake.core.gold.timeseries.Point;

/**
 * Turns rows of {@code SELECT *} on a measurement's table back into points: SYMBOL columns are tags, the provenance
 * tag and run field included; the write id and removal mark stay inside the engine; a null is a key the point lacks.
 */
final class QuestDbPointReader {
    private final String measurement;

    QuestDbPointReader(String measurement) {
        this.measurement = measurement;
    }

    /** The row's point, or null for a row without user fields (none is ever written). */
    Point read(List<QuestDbClient.SqlColumn> columns, JsonNode row) {
        Instant time = null;
        Map<String, String> tags = new HashMap<>();
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            QuestDbClient.SqlColumn column = columns.get(i);
            JsonNode value = row.get(i);
            if (column.name().equals(TIME)) {
                time = Instant.parse(value.asText());
            } else if (value != null && !value.isNull() && !column.name().equals(WRITE) && !column.name().equals(REMOVED)) {
                if (column.type().equals(SYMBOL)) {
                    tags.put(column.name(), value.asText());
                } else {
                    fields.put(column.name(), fieldValue(column.type(), value));
                }
            }
        }
        boolean userFields = fields.size() > (fields.containsKey(RUN) ? 1 : 0);
        return userFields ? new Point(measurement, tags, fields, time) : null;
    }

    private static Object fieldValue(String type, JsonNode value) {
        return switch (type) {
            case "DOUBLE", "FLOAT" -> value.asDouble();
            case "LONG", "SHORT", "BYTE" -> value.asLong();
            case "INT" -> value.asLong() != 0;
            case "BOOLEAN" -> value.asBoolean();
            default -> value.asText();
        };
    }

    static boolean isInternal(String column) {
        return column.equals(TIME) || column.equals(OBJECT) || column.equals(RUN) || column.equals(WRITE) || column.equals(REMOVED);
    }
}
