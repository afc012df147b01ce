package org.zonelake.ingest.fakes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * A relational zone in memory for gateway tests: tables per project, each row followed by the provenance columns
 * {@value #OBJECT_COLUMN} and {@value #RUN_COLUMN}, rows in insertion order.
 */
public final class InMemorySqlStore implements SqlStore {
    private final Map<String, Map<String, Table>> tablesByProject = new HashMap<>();

    /** A table: its columns (provenance last), rows holding a value per column, and the last run that wrote it. */
    private static final class Table {
        final List<Column> columns = new ArrayList<>();
        final List<List<Object>> rows = new ArrayList<>();
        String lastRunId;

        Table(List<Column> dataColumns) {
            columns.addAll(dataColumns);
            columns.add(new Column(OBJECT_COLUMN, ColumnType.INTEGER));
            columns.add(new Column(RUN_COLUMN, ColumnType.TEXT));
        }

        int objectColumn() {
            return columns.size() - 2;
        }
    }

    @Override
    public synchronized long writeTable(Provenance provenance, TableSchema schema, WriteMode mode, Iterator<List<Object>> rows) {
        Map<String, Table> tables = tablesByProject.computeIfAbsent(provenance.project(), p -> new TreeMap<>());
        Table table = mode == WriteMode.OWN_TABLE || !tables.containsKey(schema.name()) ? new Table(schema.columns()) : tables.get(schema.name());
        addMissingColumns(table, schema);
        table.rows.removeIf(row -> Long.valueOf(provenance.objectId()).equals(row.get(table.objectColumn())));
        long written = 0;
        while (rows.hasNext()) {
            table.rows.add(row(table, schema, rows.next(), provenance));
            written++;
        }
        table.lastRunId = provenance.runId();
        tables.put(schema.name(), table);
        return written;
    }

    private static void addMissingColumns(Table table, TableSchema schema) {
        for (Column column : schema.columns()) {
            Optional<Column> existing = table.columns.stream().filter(c -> c.name().equals(column.name())).findFirst();
            if (existing.isPresent() && existing.get().type() != column.type()) {
                throw LakeException.of(ErrorCode.INVALID_DATA, "Column %s of table %s is %s, not %s", column.name(), schema.name(),
                        existing.get().type(), column.type());
            }
            if (existing.isEmpty()) {
                int at = table.objectColumn();
                table.columns.add(at, column);
                table.rows.forEach(row -> row.add(at, null));
            }
        }
    }

    private static List<Object> row(Table table, TableSchema schema, List<Object> values, Provenance provenance) {
        List<Object> row = new ArrayList<>(Collections.nCopies(table.columns.size(), null));
        for (int i = 0; i < schema.columns().size(); i++) {
            String name = schema.columns().get(i).name();
            int at = indexOf(table, name);
            row.set(at, values.get(i));
        }
        row.set(table.objectColumn(), provenance.objectId());
        row.set(table.objectColumn() + 1, provenance.runId());
        return row;
    }

    private static int indexOf(Table table, String column) {
        for (int i = 0; i < table.columns.size(); i++) {
            if (table.columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("No column " + column);
    }

    @Override
    public synchronized List<TableInfo> tables(String project) {
        List<TableInfo> infos = new ArrayList<>();
        tablesByProject.getOrDefault(project, Map.of()).forEach((name, table) -> infos.add(info(name, table)));
        return infos;
    }

    @Override
    public synchronized Optional<TableInfo> table(String project, String name) {
        return Optional.ofNullable(tablesByProject.getOrDefault(project, Map.of()).get(name)).map(table -> info(name, table));
    }

    private static TableInfo info(String name, Table table) {
        List<Long> sources = table.rows.stream().map(row -> (Long) row.get(table.objectColumn())).distinct().sorted().toList();
        return new TableInfo(name, table.columns, table.rows.size(), sources, table.lastRunId);
    }

    @Override
    public synchronized TablePage preview(String project, String name, long offset, int limit) {
        Table table = existing(project, name);
        int from = (int) Math.min(offset, table.rows.size());
        int to = Math.min(from + limit, table.rows.size());
        List<List<Object>> rows = table.rows.subList(from, to).stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
        return new TablePage(table.columns, rows, to < table.rows.size() ? to : -1);
    }

    @Override
    public void export(String project, String name, RecordSink<List<Object>> sink) {
        List<List<Object>> rows;
        synchronized (this) {
            rows = existing(project, name).rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
        }
        for (List<Object> row : rows) {
            try {
                sink.accept(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public synchronized List<DerivedRecords> derivedFrom(String project, long objectId) {
        List<DerivedRecords> derived = new ArrayList<>();
        tablesByProject.getOrDefault(project, Map.of()).forEach((name, table) -> {
            List<List<Object>> rows = table.rows.stream().filter(row -> Long.valueOf(objectId).equals(row.get(table.objectColumn()))).toList();
            if (!rows.isEmpty()) {
                String runId = (String) rows.get(0).get(table.objectColumn() + 1);
                derived.add(new DerivedRecords(GoldZone.SQL, "rows", name, rows.size(), objectId, runId));
            }
        });
        return derived;
    }

    private Table existing(String project, String name) {
        Table table = tablesByProject.getOrDefault(project, Map.of()).get(name);
        if (table == null) {
            throw LakeException.of(ErrorCode.TABLE_NOT_FOUND, "Table %s does not exist in project %s", name, project);
        }
        return table;
    }
}
