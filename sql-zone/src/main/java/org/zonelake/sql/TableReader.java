package org.zonelake.sql;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.RecordSink;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.TablePage;

/** Reads gold tables in their stable order (zl_object_id, zl_row): pages for previews, a cursor for exports. */
final class TableReader {
    static final int MAX_PAGE = 10_000;
    static final int FETCH_SIZE = 1_000;
    private static final String ORDER = " ORDER BY " + SqlDialect.quote(SqlStore.OBJECT_COLUMN) + ", " + SqlDialect.quote(TableColumns.ROW_COLUMN);

    private final GoldCatalog catalog;
    private final TableLocks locks;

    TableReader(GoldCatalog catalog, TableLocks locks) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.locks = requireNonNull(locks, "locks is null");
    }

    TablePage page(Connection connection, GoldTable table, long offset, int limit) throws SQLException {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "Cannot read rows of table %s: offset must be 0 or more (was %d) and limit 1 to %d (was %d)",
                    table.table(), offset, MAX_PAGE, limit);
        }
        Lock read = locks.visibility(table).readLock();
        read.lock();
        try {
            List<Column> columns = columns(connection, table);
            try (PreparedStatement statement = connection.prepareStatement(select(table, columns) + ORDER + " LIMIT ? OFFSET ?")) {
                statement.setInt(1, limit + 1);
                statement.setLong(2, offset);
                return page(statement, columns, offset, limit);
            }
        } finally {
            read.unlock();
        }
    }

    /**
     * Streams every row to {@code sink} through a server-side cursor (PostgreSQL only streams with autocommit off
     * and a fetch size). A failing sink ends the export with its {@link IOException} wrapped unchecked.
     */
    void export(Connection connection, GoldTable table, RecordSink<List<Object>> sink) throws SQLException {
        Lock read = locks.visibility(table).readLock();
        read.lock();
        connection.setAutoCommit(false);
        try {
            List<Column> columns = columns(connection, table);
            try (PreparedStatement statement = connection.prepareStatement(select(table, columns) + ORDER,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(row(rows, columns));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot export table " + table + ": the receiver failed", e);
        } finally {
            endReadOnly(connection);
            read.unlock();
        }
    }

    /** Ends the export's read-only transaction; if the connection is gone, the failure that says so is already thrown. */
    private static void endReadOnly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // Nothing to undo: the transaction only read.
        }
    }

    static LakeException notFound(GoldTable table) {
        return LakeException.of(ErrorCode.TABLE_NOT_FOUND, "No table %s in project %s", table.table(), table.project());
    }

    /** The table's columns, provenance last; only a table the catalog lists exists for readers. */
    private List<Column> columns(Connection connection, GoldTable table) throws SQLException {
        if (catalog.entries(connection, table.project(), table.table()).isEmpty()) {
            throw notFound(table);
        }
        return TableColumns.withProvenance(TableColumns.ofTable(connection, table).orElseThrow(() -> notFound(table)));
    }

    private static String select(GoldTable table, List<Column> columns) {
        return "SELECT " + columns.stream().map(column -> SqlDialect.quote(column.name())).collect(Collectors.joining(", "))
                + " FROM " + table.qualified();
    }

    private static TablePage page(PreparedStatement statement, List<Column> columns, long offset, int limit) throws SQLException {
        List<List<Object>> page = new ArrayList<>();
        boolean more = false;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (page.size() == limit) {
                    more = true;
                    break;
                }
                page.add(row(rows, columns));
            }
        }
        return new TablePage(columns, page, more ? offset + limit : -1);
    }

    /** One row's values; a list that allows nulls, unmodifiable. */
    private static List<Object> row(ResultSet rows, List<Column> columns) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ColumnValues.read(rows, i + 1, columns.get(i));
        }
        return Collections.unmodifiableList(Arrays.asList(values));
    }
}
