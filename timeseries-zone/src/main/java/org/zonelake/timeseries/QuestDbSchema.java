package org.zonelake.timeseries;

import static java.util.Objects.requireNonNull;
import static org.zonelake.core.error.ErrorCode.INVALID_REQUEST;
import static org.zonelake.timeseries.QuestDbNames.literal;
import static org.zonelake.timeseries.QuestDbNames.quoted;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;

/**
 * The layout of the lake's QuestDB tables and the DDL that keeps it in step with the points written: one WAL table per
 * measurement, designated timestamp {@code time}, tags as SYMBOL columns, fields as typed columns, deduplicated on the
 * timestamp and every tag (the object id included), so that writing a point again replaces it.
 */
final class QuestDbSchema {
    static final String TIME = PointRules.TIME;
    static final String OBJECT = TimeSeriesStore.OBJECT_TAG;
    static final String RUN = TimeSeriesStore.RUN_FIELD;
    /** Which {@code replacePoints} call wrote the row: rows of the object from older calls are stale. */
    static final String WRITE = "zl_write_id";
    /** QuestDB cannot delete rows: stale rows are marked and every read skips them. */
    static final String REMOVED = "zl_removed";
    static final String SYMBOL = "SYMBOL";

    /** How a field's values are stored. Booleans go in INT columns (1/0) because QuestDB's BOOLEAN has no null. */
    enum FieldType {
        DOUBLE("DOUBLE"), LONG("LONG"), BOOLEAN("INT"), STRING("VARCHAR");

        final String columnType;

        FieldType(String columnType) {
            this.columnType = columnType;
        }

        static FieldType of(Object value) {
            if (value instanceof Double) {
                return DOUBLE;
            }
            if (value instanceof Long) {
                return LONG;
            }
            return value instanceof Boolean ? BOOLEAN : STRING;
        }
    }

    /** A table's columns by lower-case name (QuestDB column names are case-insensitive). */
    record Columns(Map<String, QuestDbClient.SqlColumn> byName) {
        Optional<QuestDbClient.SqlColumn> find(String name) {
            return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
        }

        List<String> symbols() {
            return byName.values().stream().filter(c -> c.type().equals(SYMBOL)).map(QuestDbClient.SqlColumn::name).toList();
        }
    }

    private final QuestDbClient client;
    private final QuestDbWal wal;
    private final Map<String, Columns> cache = new ConcurrentHashMap<>();

    QuestDbSchema(QuestDbClient client, QuestDbWal wal) {
        this.client = requireNonNull(client, "client is null");
        this.wal = requireNonNull(wal, "wal is null");
    }

    /** The table's columns, or empty if the table does not exist. */
    Optional<Columns> columns(String table) {
        Columns cached = cache.get(table);
        return cached != null ? Optional.of(cached) : load(table);
    }

    /** The table's columns read from QuestDB now (another writer may have added some), or empty if it does not exist. */
    Optional<Columns> reload(String table) {
        return load(table);
    }

    /** Creates the table or adds the columns the points need; {@code fields} maps each field to its values' type. */
    Columns ensure(String measurement, String table, List<String> tags, Map<String, FieldType> fields) {
        Columns cached = cache.get(table);
        if (cached != null && covers(cached, tags, fields)) {
            return cached;
        }
        synchronized (this) {
            Columns loaded = load(table).orElse(null);
            if (loaded == null) {
                client.execute(createTable(table, tags, fields));
                loaded = load(table).orElseThrow();
            }
            Map<String, QuestDbClient.SqlColumn> columns = new LinkedHashMap<>(loaded.byName());
            boolean newTag = false;
            for (String tag : tags) {
                newTag |= addIfMissing(measurement, table, columns, tag, SYMBOL);
            }
            for (Map.Entry<String, FieldType> field : fields.entrySet()) {
                addIfMissing(measurement, table, columns, field.getKey(), field.getValue().columnType);
            }
            Columns result = new Columns(Map.copyOf(columns));
            if (newTag) {
                client.execute("ALTER TABLE " + quoted(table) + " DEDUP ENABLE UPSERT KEYS(" + dedupKeys(result.symbols()) + ")");
            }
            if (columns.size() > loaded.byName().size()) {
                // Line protocol sees a WAL table's new columns only once the ALTER is applied.
                wal.awaitApplied(List.of(table));
            }
            cache.put(table, result);
            return result;
        }
    }

    private static boolean covers(Columns columns, List<String> tags, Map<String, FieldType> fields) {
        return tags.stream().allMatch(tag -> columns.find(tag).filter(c -> c.type().equals(SYMBOL)).isPresent())
                && fields.entrySet().stream().allMatch(f -> columns.find(f.getKey()).filter(c -> accepts(c.type(), f.getValue().columnType)).isPresent());
    }

    private static boolean accepts(String columnType, String valueType) {
        return columnType.equals(valueType) || valueType.equals(FieldType.LONG.columnType) && columnType.equals(FieldType.DOUBLE.columnType);
    }

    private boolean addIfMissing(String measurement, String table, Map<String, QuestDbClient.SqlColumn> columns, String name, String type) {
        QuestDbClient.SqlColumn existing = columns.get(name.toLowerCase(Locale.ROOT));
        if (existing == null) {
            // One column per statement: QuestDB refuses several structure changes in one ALTER on a WAL table.
            client.execute("ALTER TABLE " + quoted(table) + " ADD COLUMN IF NOT EXISTS " + quoted(name) + " " + type);
            columns.put(name.toLowerCase(Locale.ROOT), new QuestDbClient.SqlColumn(name, type));
            return true;
        }
        if (!accepts(existing.type(), type)) {
            throw LakeException.of(INVALID_REQUEST, "Cannot write %s as %s to measurement %s: it holds %s there",
                    name, describe(type), measurement, describe(existing.type()));
        }
        return false;
    }

    private static String createTable(String table, List<String> tags, Map<String, FieldType> fields) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put(TIME, "TIMESTAMP");
        // Indexed: replacing, lineage and stale-point marking all look rows up by object.
        columns.put(OBJECT, "SYMBOL INDEX");
        columns.put(RUN, "VARCHAR");
        columns.put(WRITE, "LONG");
        columns.put(REMOVED, "BOOLEAN");
        tags.forEach(tag -> columns.put(tag, SYMBOL));
        fields.forEach((field, type) -> columns.put(field, type.columnType));
        List<String> keys = new ArrayList<>(List.of(OBJECT));
        keys.addAll(tags);
        return "CREATE TABLE IF NOT EXISTS " + quoted(table) + " ("
                + columns.entrySet().stream().map(c -> quoted(c.getKey()) + " " + c.getValue()).collect(Collectors.joining(", "))
                + ") TIMESTAMP(" + TIME + ") PARTITION BY DAY WAL DEDUP UPSERT KEYS(" + dedupKeys(keys) + ")";
    }

    private static String dedupKeys(List<String> symbols) {
        return TIME + symbols.stream().map(s -> ", " + quoted(s)).collect(Collectors.joining());
    }

    private Optional<Columns> load(String table) {
        if (client.rows("SELECT table_name FROM tables() WHERE table_name = " + literal(table)).isEmpty()) {
            cache.remove(table);
            return Optional.empty();
        }
        Map<String, QuestDbClient.SqlColumn> byName = new LinkedHashMap<>();
        client.query("SELECT \"column\", type FROM table_columns(" + literal(table) + ")", (header, row) -> {
            String name = row.get(0).asText();
            byName.put(name.toLowerCase(Locale.ROOT), new QuestDbClient.SqlColumn(name, row.get(1).asText()));
        });
        Columns columns = new Columns(Map.copyOf(byName));
        cache.put(table, columns);
        return Optional.of(columns);
    }

    private static String describe(String columnType) {
        return switch (columnType) {
            case SYMBOL -> "a tag";
            case "DOUBLE" -> "floating-point numbers";
            case "LONG" -> "integers";
            case "INT" -> "booleans";
            case "VARCHAR", "STRING" -> "text";
            default -> columnType;
        };
    }
}
