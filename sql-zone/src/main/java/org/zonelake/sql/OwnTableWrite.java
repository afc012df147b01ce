package org.zonelake.sql;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.sql.TableSchema;

/**
 * Replaces an object's own table: the rows go into a staging table {@code zl_stage_<random>} of the project's
 * schema, which then takes the old table's place. On PostgreSQL all of it is one transaction; on H2 the load
 * commits batch by batch (the staging table is invisible to readers) and the swap happens while readers of this
 * process are held off. On any failure the staging table is dropped and the old table is untouched.
 */
final class OwnTableWrite {
    static final String STAGING_PREFIX = "zl_stage_";

    private final SqlDialect dialect;
    private final TableDdl ddl;
    private final GoldCatalog catalog;
    private final TableLocks locks;
    private final Clock clock;

    OwnTableWrite(SqlDialect dialect, GoldCatalog catalog, TableLocks locks, Clock clock) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.ddl = new TableDdl(dialect);
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.locks = requireNonNull(locks, "locks is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    long write(Connection connection, Provenance provenance, GoldTable table, TableSchema schema, Iterator<List<Object>> rows) throws SQLException {
        String staging = STAGING_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        connection.setAutoCommit(false);
        try {
            dialect.lock(connection, table.lockKey());
            ddl.createTable(connection, table.schema(), staging, schema.columns(), false);
            RowInserter inserter = new RowInserter(provenance, table, schema.columns());
            // PostgreSQL keeps the whole load in the transaction; H2 commits each batch of the invisible staging table.
            long count = inserter.insertAll(connection, staging, rows, dialect.transactionalDdl() ? () -> { } : connection::commit);
            swap(connection, table, staging, new GoldCatalog.Entry(table.table(), provenance.objectId(), provenance.runId(), count, clock.instant()));
            return count;
        } catch (SQLException | RuntimeException e) {
            TableDdl.rollbackQuietly(connection, e);
            dropStaging(connection, table, staging, e);
            throw e;
        }
    }

    private void swap(Connection connection, GoldTable table, String staging, GoldCatalog.Entry entry) throws SQLException {
        Lock visibility = locks.visibility(table).writeLock();
        visibility.lock();
        try {
            ddl.dropTable(connection, table.schema(), table.table());
            ddl.rename(connection, table.schema(), staging, table.table());
            catalog.replaceTable(connection, table, entry);
            connection.commit();
        } finally {
            visibility.unlock();
        }
    }

    private void dropStaging(Connection connection, GoldTable table, String staging, Exception failure) {
        try {
            ddl.dropTable(connection, table.schema(), staging);
            connection.commit();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
