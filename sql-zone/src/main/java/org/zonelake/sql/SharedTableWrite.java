package org.zonelake.sql;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.TableSchema;

/**
 * Replaces an object's rows in a table several objects fill. In one transaction: create the table or add the
 * columns it lacks, delete the object's earlier rows, insert the new ones, record them in the catalog. A column
 * whose type differs from the table's (or a decimal with more places) is refused before anything changes. H2
 * commits its DDL at once, so there a failed write drops again what it created or added.
 */
final class SharedTableWrite {
    private final SqlDialect dialect;
    private final TableDdl ddl;
    private final GoldCatalog catalog;
    private final TableLocks locks;
    private final Clock clock;

    SharedTableWrite(SqlDialect dialect, GoldCatalog catalog, TableLocks locks, Clock clock) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.ddl = new TableDdl(dialect);
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.locks = requireNonNull(locks, "locks is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What the table lacks for a write: itself, or some columns. */
    record Evolution(boolean createTable, List<Column> addedColumns) {}

    long write(Connection connection, Provenance provenance, GoldTable table, TableSchema schema, Iterator<List<Object>> rows) throws SQLException {
        connection.setAutoCommit(false);
        Evolution evolution = null;
        try {
            dialect.lock(connection, table.lockKey());
            evolution = plan(table, TableColumns.ofTable(connection, table), schema.columns());
            evolve(connection, table, schema, evolution);
            deleteRowsOf(connection, table, provenance.objectId());
            long count = new RowInserter(provenance, table, schema.columns()).insertAll(connection, table.table(), rows, () -> { });
            catalog.replaceObject(connection, table, new GoldCatalog.Entry(table.table(), provenance.objectId(), provenance.runId(), count, clock.instant()));
            connection.commit();
            return count;
        } catch (SQLException | RuntimeException e) {
            TableDdl.rollbackQuietly(connection, e);
            if (evolution != null && !dialect.transactionalDdl()) {
                undo(connection, table, evolution, e);
            }
            throw e;
        }
    }

    static Evolution plan(GoldTable table, Optional<List<Column>> existing, List<Column> wanted) {
        if (existing.isEmpty()) {
            return new Evolution(true, List.of());
        }
        Map<String, Column> present = existing.get().stream().collect(Collectors.toMap(Column::name, Function.identity()));
        List<Column> added = new ArrayList<>();
        for (Column column : wanted) {
            Column current = present.get(column.name());
            if (current == null) {
                added.add(column);
            } else if (!fits(column, current)) {
                throw LakeException.of(ErrorCode.INVALID_DATA, "Cannot write column %s as %s to table %s of project %s: the table has it as %s",
                        column.name(), describe(column), table.table(), table.project(), describe(current));
            }
        }
        return new Evolution(false, List.copyOf(added));
    }

    private static boolean fits(Column column, Column current) {
        return column.type() == current.type() && (column.type() != ColumnType.DECIMAL || column.scale() <= current.scale());
    }

    private static String describe(Column column) {
        return column.type() == ColumnType.DECIMAL ? "DECIMAL with " + column.scale() + " decimal places" : column.type().name();
    }

    private void evolve(Connection connection, GoldTable table, TableSchema schema, Evolution evolution) throws SQLException {
        if (!evolution.createTable() && evolution.addedColumns().isEmpty()) {
            return;
        }
        Lock visibility = locks.visibility(table).writeLock();
        visibility.lock();
        try {
            if (evolution.createTable()) {
                ddl.createTable(connection, table.schema(), table.table(), schema.columns(), false);
            }
            for (Column column : evolution.addedColumns()) {
                ddl.addColumn(connection, table, column);
            }
        } finally {
            visibility.unlock();
        }
    }

    private static void deleteRowsOf(Connection connection, GoldTable table, long objectId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM " + table.qualified() + " WHERE " + SqlDialect.quote(SqlStore.OBJECT_COLUMN) + " = ?")) {
            statement.setLong(1, objectId);
            statement.executeUpdate();
        }
    }

    private void undo(Connection connection, GoldTable table, Evolution evolution, Exception failure) {
        Lock visibility = locks.visibility(table).writeLock();
        visibility.lock();
        try {
            if (evolution.createTable()) {
                ddl.dropTable(connection, table.schema(), table.table());
            }
            for (Column column : evolution.addedColumns()) {
                ddl.dropColumn(connection, table, column);
            }
            connection.commit();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        } finally {
            visibility.unlock();
        }
    }
}
