package org.zonelake.pipelines.tabular;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.GoldZone;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.RecordSink;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.TableInfo;
import org.zonelake.core.gold.sql.TablePage;
import org.zonelake.core.gold.sql.TableSchema;
import org.zonelake.core.gold.sql.WriteMode;

/**
 * A gold SQL zone in memory with the port's semantics: a write collects the rows into a pending table and
 * publishes it only once the iterator is exhausted (an exception leaves the old state); an own table is
 * replaced, a shared table loses the object's earlier rows and gains missing columns. It also checks that each
 * value is the Java type its column type promises.
 */
public final class InMemorySqlStore implements SqlStore {
    private record StoredRow(long objectId, String runId, List<Object> values) {}

    private record Table(List<Column> columns, List<StoredRow> rows) {}

    private final Map<String, Map<String, Table>> projects = new LinkedHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    @Override
    public long writeTable(Provenance provenance, TableSchema schema, WriteMode mode, Iterator<List<Object>> rows) {
        List<List<Object>> pending = new ArrayList<>();
        while (rows.hasNext()) {
            List<Object> row = rows.next();
            checkRow(schema, row);
            pending.add(new ArrayList<>(row));
        }
        publish(provenance, schema, mode, pending);
        writes.incrementAndGet();
        return pending.size();
    }

    private synchronized void publish(Provenance provenance, TableSchema schema, WriteMode mode, List<List<Object>> pending) {
        Map<String, Table> tables = projects.computeIfAbsent(provenance.project(), p -> new LinkedHashMap<>());
        Table old = tables.get(schema.name());
        List<Column> columns = mode == WriteMode.OWN_TABLE || old == null ? schema.columns() : merged(old.columns(), schema);
        List<StoredRow> stored = new ArrayList<>();
        if (mode == WriteMode.SHARED_TABLE && old != null) {
            old.rows().stream().filter(row -> row.objectId() != provenance.objectId()).map(row -> widened(row, columns.size())).forEach(stored::add);
        }
        for (List<Object> values : pending) {
            List<Object> ordered = new ArrayList<>();
            for (Column column : columns) {
                int index = schema.columns().stream().map(Column::name).toList().indexOf(column.name());
                ordered.add(index < 0 ? null : values.get(index));
            }
            stored.add(new StoredRow(provenance.objectId(), provenance.runId(), ordered));
        }
        tables.put(schema.name(), new Table(columns, stored));
    }

    private static List<Column> merged(List<Column> existing, TableSchema schema) {
        List<Column> columns = new ArrayList<>(existing);
        for (Column column : schema.columns()) {
            Optional<Column> same = existing.stream().filter(c -> c.name().equals(column.name())).findFirst();
            if (same.isEmpty()) {
                columns.add(column);
            } else if (same.get().type() != column.type()) {
                throw LakeException.of(ErrorCode.INVALID_DATA, "Cannot write column %s of table %s as %s: it is %s",
                        column.name(), schema.name(), column.type(), same.get().type());
            }
        }
        return columns;
    }

    private static StoredRow widened(StoredRow row, int size) {
        List<Object> values = new ArrayList<>(row.values());
        while (values.size() < size) {
            values.add(null);
        }
        return new StoredRow(row.objectId(), row.runId(), values);
    }

    private static void checkRow(TableSchema schema, List<Object> row) {
        if (row.size() != schema.columns().size()) {
            throw new IllegalArgumentException("Row of " + row.size() + " values for table " + schema.name() + " of " + schema.columns().size() + " columns: " + row);
        }
        for (int i = 0; i < row.size(); i++) {
            Column column = schema.columns().get(i);
            Object value = row.get(i);
            if (value != null && !javaType(column.type()).isInstance(value)) {
                throw new IllegalArgumentException("Column " + column.name() + " " + column.type() + " got " + value.getClass().getSimpleName() + " " + value);
            }
            if (value instanceof BigDecimal decimal && decimal.scale() != column.scale()) {
                throw new IllegalArgumentException("Column " + column.name() + " of scale " + column.scale() + " got " + decimal);
            }
        }
    }

    private static Class<?> javaType(ColumnType type) {
        return switch (type) {
            case INTEGER -> Long.class;
            case DECIMAL -> BigDecimal.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case DATE -> LocalDate.class;
            case TIMESTAMP -> Instant.class;
            case TEXT -> String.class;
        };
    }

    @Override
    public synchronized List<TableInfo> tables(String project) {
        return projects.getOrDefault(project, Map.of()).keySet().stream().map(name -> table(project, name).orElseThrow()).toList();
    }

    @Override
    public synchronized Optional<TableInfo> table(String project, String table) {
        Table stored = projects.getOrDefault(project, Map.of()).get(table);
        if (stored == null) {
            return Optional.empty();
        }
        List<Long> sources = stored.rows().stream().map(StoredRow::objectId).distinct().sorted().toList();
        String lastRun = stored.rows().isEmpty() ? null : stored.rows().get(stored.rows().size() - 1).runId();
        return Optional.of(new TableInfo(table, stored.columns(), stored.rows().size(), sources, lastRun));
    }

    @Override
    public synchronized TablePage preview(String project, String table, long offset, int limit) {
        Table stored = projects.get(project).get(table);
        List<List<Object>> rows = stored.rows().stream().skip(offset).limit(limit).map(StoredRow::values).toList();
        long next = offset + rows.size() < stored.rows().size() ? offset + rows.size() : -1;
        return new TablePage(stored.columns(), rows, next);
    }

    @Override
    public void export(String project, String table, RecordSink<List<Object>> rows) {
        for (List<Object> row : rows(project, table)) {
            try {
                rows.accept(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public synchronized List<DerivedRecords> derivedFrom(String project, long objectId) {
        List<DerivedRecords> derived = new ArrayList<>();
        projects.getOrDefault(project, Map.of()).forEach((name, table) -> {
            List<StoredRow> rows = table.rows().stream().filter(row -> row.objectId() == objectId).toList();
            if (!rows.isEmpty()) {
                derived.add(new DerivedRecords(GoldZone.SQL, "rows", name, rows.size(), objectId, rows.get(0).runId()));
            }
        });
        return derived;
    }

    /** The rows' values (provenance columns left out), in write order. */
    public synchronized List<List<Object>> rows(String project, String table) {
        Table stored = projects.getOrDefault(project, Map.of()).get(table);
        if (stored == null) {
            throw new AssertionError("No table " + table + " in project " + project + "; tables: " + projects.getOrDefault(project, Map.of()).keySet());
        }
        return stored.rows().stream().map(StoredRow::values).toList();
    }

    public synchronized List<Column> columns(String project, String table) {
        return table(project, table).orElseThrow(() -> new AssertionError("No table " + table)).columns();
    }

    /** Names of the project's tables. */
    public synchronized List<String> tableNames(String project) {
        return List.copyOf(projects.getOrDefault(project, Map.of()).keySet());
    }

    /** Writes published so far. */
    public int writes() {
        return writes.get();
    }
}
