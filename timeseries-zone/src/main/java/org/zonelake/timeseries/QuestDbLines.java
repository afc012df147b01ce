package org.zonelake.timeseries;

import static org.zonelake.timeseries.QuestDbSchema.OBJECT;
import static org.zonelake.timeseries.QuestDbSchema.REMOVED;
import static org.zonelake.timeseries.QuestDbSchema.RUN;
import static org.zonelake.timeseries.QuestDbSchema.WRITE;

import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.timeseries.Point;

/**
 * Formats points as InfluxDB line protocol the way QuestDB parses it: a backslash escapes the next character (itself
 * included) in names, tag values and string fields; numbers follow the column they go to.
 */
final class QuestDbLines {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** Appends one line for {@code point} (already checked) to {@code table}, whose columns are known. */
    void append(String table, QuestDbSchema.Columns columns, Point point, Provenance provenance, long writeId) {
        out.append(table).append(',').append(OBJECT).append('=').append(provenance.objectId());
        point.tags().forEach((key, value) -> {
            out.append(',');
            escaped(columns.find(key).orElseThrow().name(), false);
            out.append('=');
            escaped(value, false);
        });
        out.append(' ').append(RUN).append('=');
        quoted(provenance.runId());
        out.append(',').append(WRITE).append('=').append(writeId).append('i');
        out.append(',').append(REMOVED).append("=f");
        point.fields().forEach((key, value) -> {
            QuestDbClient.SqlColumn column = columns.find(key).orElseThrow();
            out.append(',');
            escaped(column.name(), false);
            out.append('=');
            value(column.type(), value);
        });
        out.append(' ').append(epochMicros(point)).append('\n');
    }

    String text() {
        return out.toString();
    }

    private void value(String columnType, Object value) {
        if (value instanceof String text) {
            quoted(text);
        } else if (value instanceof Boolean bool) {
            out.append(bool ? "1i" : "0i");
        } else if (columnType.equals(QuestDbSchema.FieldType.DOUBLE.columnType)) {
            out.append(((Number) value).doubleValue());
        } else {
            out.append(((Number) value).longValue()).append('i');
        }
    }

    private void quoted(String text) {
        out.append('"');
        escaped(text, true);
        out.append('"');
    }

    private void escaped(String text, boolean inQuotes) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean special = inQuotes
                    ? c == '"' || c == '\\' || c == '\n' || c == '\r'
                    : c == ',' || c == '=' || c == ' ' || c == '\\' || c == '"';
            if (special) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    static long epochMicros(Point point) {
        return Math.addExact(Math.multiplyExact(point.time().getEpochSecond(), 1_000_000L), point.time().getNano() / 1_000);
    }
}
