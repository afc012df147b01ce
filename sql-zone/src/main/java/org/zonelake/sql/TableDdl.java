package org.zonelake.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.SqlStore;

/** The DDL statements of gold tables. */
final class TableDdl {
    private final SqlDialect dialect;

    TableDdl(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** Creates the project's schema in a transaction of its own, serialised so concurrent first writes do not collide. */
    void createSchema(Connection connection, String schema) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            dialect.lock(connection, "schema/" + schema);
            execute(connection, "CREATE SCHEMA IF NOT EXISTS " + SqlDialect.quote(schema));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Creates a table with the data columns, then the provenance columns; its key (zl_object_id, zl_row) is the
     * order of previews and exports and makes a shared table's per-object delete an index range.
     */
    void createTable(Connection connection, String schema, String table, List<Column> columns, boolean ifNotExists) throws SQLException {
        String data = columns.stream().map(this::definition).collect(Collectors.joining(", "));
        execute(connection, "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + SqlDialect.qualified(schema, table) + " (" + data + ", "
                + SqlDialect.quote(SqlStore.OBJECT_COLUMN) + " BIGINT NOT NULL, "
                + SqlDialect.quote(SqlStore.RUN_COLUMN) + " " + dialect.textType() + " NOT NULL, "
                + SqlDialect.quote(TableColumns.ROW_COLUMN) + " BIGINT NOT NULL, "
                + "PRIMARY KEY (" + SqlDialect.quote(SqlStore.OBJECT_COLUMN) + ", " + SqlDialect.quote(TableColumns.ROW_COLUMN) + "))");
    }

    void addColumn(Connection connection, GoldTable table, Column column) throws SQLException {
        execute(connection, "ALTER TABLE " + table.qualified() + " ADD COLUMN " + definition(column));
    }

    void dropColumn(Connection connection, GoldTable table, Column column) throws SQLException {
        execute(connection, "ALTER TABLE " + table.qualified() + " DROP COLUMN IF EXISTS " + SqlDialect.quote(column.name()));
    }

    void dropTable(Connection connection, String schema, String table) throws SQLException {
        execute(connection, "DROP TABLE IF EXISTS " + SqlDialect.qualified(schema, table));
    }

    void rename(Connection connection, String schema, String from, String to) throws SQLException {
        execute(connection, "ALTER TABLE " + SqlDialect.qualified(schema, from) + " RENAME TO " + SqlDialect.quote(to));
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Rolls back after {@code failure}, recording a failing rollback (the connection may be gone) on it. */
    static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private String definition(Column column) {
        return SqlDialect.quote(column.name()) + " " + dialect.sqlType(column);
    }
}
