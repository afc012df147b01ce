package org.zonelake.sql;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.GoldZone;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.RecordSink;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.TableInfo;
import org.zonelake.core.gold.sql.TablePage;
import org.zonelake.core.gold.sql.TableSchema;
import org.zonelake.core.gold.sql.WriteMode;

/**
 * The SQL gold zone over JDBC (H2 or PostgreSQL): a schema per project ({@link GoldTable}), provenance columns
 * {@code zl_object_id}, {@code zl_run_id} and {@code zl_row} after each table's own columns, and the catalog
 * {@code zl_catalog.gold_tables} that listings answer from. The store does not close the data source it is given.
 */
public final class JdbcSqlStore implements SqlStore {
    /** Kind of the records {@link #derivedFrom} lists. */
    public static final String ROWS = "rows";

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final GoldCatalog catalog;
    private final TableDdl ddl;
    private final TableLocks locks = new TableLocks();
    private final OwnTableWrite ownTableWrite;
    private final SharedTableWrite sharedTableWrite;
    private final TableReader reader;
    private volatile boolean catalogReady;

    public JdbcSqlStore(DataSource dataSource, SqlDialect dialect) {
        this(dataSource, dialect, Clock.systemUTC());
    }

    public JdbcSqlStore(DataSource dataSource, SqlDialect dialect, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        requireNonNull(clock, "clock is null");
        this.catalog = new GoldCatalog(dialect);
        this.ddl = new TableDdl(dialect);
        this.ownTableWrite = new OwnTableWrite(dialect, catalog, locks, clock);
        this.sharedTableWrite = new SharedTableWrite(dialect, catalog, locks, clock);
        this.reader = new TableReader(catalog, locks);
    }

    @Override
    public long writeTable(Provenance provenance, TableSchema schema, WriteMode mode, Iterator<List<Object>> rows) {
        requireNonNull(provenance, "provenance is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(rows, "rows is null");
        checkNames(schema);
        GoldTable table = GoldTable.of(provenance.project(), schema.name());
        Lock writer = locks.writer(table);
        writer.lock();
        try (Connection connection = connect()) {
            ddl.createSchema(connection, table.schema());
            return mode == WriteMode.OWN_TABLE
                    ? ownTableWrite.write(connection, provenance, table, schema, rows)
                    : sharedTableWrite.write(connection, provenance, table, schema, rows);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "Cannot write table %s of project %s for object %d (run %s)",
                    table.table(), table.project(), provenance.objectId(), provenance.runId());
        } finally {
            writer.unlock();
        }
    }

    @Override
    public List<TableInfo> tables(String project) {
        String schema = GoldTable.schemaOf(project);
        try (Connection connection = connect()) {
            List<GoldCatalog.Entry> entries = catalog.entries(connection, project, null);
            Map<String, List<Column>> columns = TableColumns.ofSchema(connection, schema);
            return infos(entries, columns);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "Cannot list the tables of project %s", project);
        }
    }

    @Override
    public Optional<TableInfo> table(String project, String table) {
        GoldTable gold = GoldTable.of(project, requireNonNull(table, "table is null"));
        if (!Column.NAME.matcher(table).matches()) {
            return Optional.empty();
        }
        Lock read = locks.visibility(gold).readLock();
        read.lock();
        try (Connection connection = connect()) {
            List<GoldCatalog.Entry> entries = catalog.entries(connection, project, table);
            Optional<List<Column>> columns = TableColumns.ofTable(connection, gold);
            return columns.isEmpty() ? Optional.empty() : infos(entries, Map.of(table, columns.get())).stream().findFirst();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "Cannot read table %s of project %s", table, project);
        } finally {
            read.unlock();
        }
    }

    @Override
    public TablePage preview(String project, String table, long offset, int limit) {
        GoldTable gold = readable(project, table);
        try (Connection connection = connect()) {
            return reader.page(connection, gold, offset, limit);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "Cannot read rows %d to %d of table %s of project %s", offset, offset + limit, table, project);
        }
    }

    @Override
    public void export(String project, String table, RecordSink<List<Object>> rows) {
        GoldTable gold = readable(project, table);
        requireNonNull(rows, "rows is null");
        try (Connection connection = connect()) {
            reader.export(connection, gold, rows);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "Cannot export table %s of project %s", table, project);
        }
    }

    @Override
    public List<DerivedRecords> derivedFrom(String project, long objectId) {
        GoldTable.schemaOf(project);
        try (Connection connection = connect()) {
            return catalog.entriesOfObject(connection, project, objectId).stream()
                    .map(entry -> new DerivedRecords(GoldZone.SQL, ROWS, entry.table(), entry.rowCount(), objectId, entry.runId()))
                    .toList();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "Cannot list the tables object %d of project %s wrote", objectId, project);
        }
    }

    /** A connection, the catalog created on first use so that the store can be built while the server is down. */
    private Connection connect() throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!catalogReady) {
            try {
                createCatalog(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    private synchronized void createCatalog(Connection connection) throws SQLException {
        if (catalogReady) {
            return;
        }
        connection.setAutoCommit(false);
        try {
            dialect.lock(connection, "catalog");
            catalog.create(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            TableDdl.rollbackQuietly(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        catalogReady = true;
    }

    private static GoldTable readable(String project, String table) {
        GoldTable gold = GoldTable.of(project, requireNonNull(table, "table is null"));
        if (!Column.NAME.matcher(table).matches()) {
            throw TableReader.notFound(gold);
        }
        return gold;
    }

    private static void checkNames(TableSchema schema) {
        if (schema.name().startsWith(OwnTableWrite.STAGING_PREFIX)) {
            throw LakeException.of(ErrorCode.INVALID_NAME, "Table name %s is reserved: names starting with %s are the lake's own",
                    schema.name(), OwnTableWrite.STAGING_PREFIX);
        }
        for (Column column : schema.columns()) {
            if (TableColumns.PROVENANCE_NAMES.contains(column.name())) {
                throw LakeException.of(ErrorCode.INVALID_NAME, "Column name %s of table %s is reserved for the lake's provenance columns %s",
                        column.name(), schema.name(), TableColumns.PROVENANCE_NAMES);
            }
        }
    }

    /** Table infos from catalog entries (by table) and data columns; a table not (or no longer) stored is left out. */
    private static List<TableInfo> infos(List<GoldCatalog.Entry> entries, Map<String, List<Column>> columns) {
        Map<String, List<GoldCatalog.Entry>> byTable = entries.stream()
                .collect(Collectors.groupingBy(GoldCatalog.Entry::table, TreeMap::new, Collectors.toList()));
        return byTable.entrySet().stream()
                .filter(table -> columns.containsKey(table.getKey()))
                .map(table -> info(table.getKey(), columns.get(table.getKey()), table.getValue()))
                .toList();
    }

    private static TableInfo info(String name, List<Column> dataColumns, List<GoldCatalog.Entry> entries) {
        long rowCount = entries.stream().mapToLong(GoldCatalog.Entry::rowCount).sum();
        List<Long> sources = entries.stream().filter(entry -> entry.rowCount() > 0).map(GoldCatalog.Entry::objectId).sorted().toList();
        String lastRunId = entries.stream()
                .max(Comparator.comparing(GoldCatalog.Entry::writtenAt).thenComparing(GoldCatalog.Entry::objectId))
                .map(GoldCatalog.Entry::runId).orElse(null);
        return new TableInfo(name, TableColumns.withProvenance(dataColumns), rowCount, sources, lastRunId);
    }
}
