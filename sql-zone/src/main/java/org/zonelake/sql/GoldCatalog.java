package org.zonelake.sql;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The table {@code zl_catalog.gold_tables}: one row per object and gold table it wrote, with the row count and the
 * run. Listings answer from it, so a table is visible only once a write has committed its catalog row.
 */
final class GoldCatalog {
    static final String SCHEMA = "zl_catalog";
    static final String TABLE = SqlDialect.qualified(SCHEMA, "gold_tables");
    private static final String COLUMNS = "project, table_name, object_id, run_id, row_count, written_at";

    private final SqlDialect dialect;

    GoldCatalog(SqlDialect dialect) {
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    /** One object's part of a table. */
    record Entry(String table, long objectId, String runId, long rowCount, Instant writtenAt) {}

    void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlDialect.quote(SCHEMA));
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (project VARCHAR(63) NOT NULL, table_name VARCHAR(63) NOT NULL, "
                    + "object_id BIGINT NOT NULL, run_id " + dialect.textType() + " NOT NULL, row_count BIGINT NOT NULL, "
                    + "written_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (project, table_name, object_id))");
            statement.execute("CREATE INDEX IF NOT EXISTS " + SqlDialect.quote("gold_tables_by_object") + " ON " + TABLE + " (project, object_id)");
        }
    }

    /** Makes the object the table's only source (an own table was replaced). */
    void replaceTable(Connection connection, GoldTable table, Entry entry) throws SQLException {
        delete(connection, "DELETE FROM " + TABLE + " WHERE project = ? AND table_name = ?", table, null);
        insert(connection, table, entry);
    }

    /** Replaces the object's part of a shared table. */
    void replaceObject(Connection connection, GoldTable table, Entry entry) throws SQLException {
        delete(connection, "DELETE FROM " + TABLE + " WHERE project = ? AND table_name = ? AND object_id = ?", table, entry.objectId());
        insert(connection, table, entry);
    }

    /** Entries of the project, or of one of its tables when {@code table} is not null, by table then object. */
    List<Entry> entries(Connection connection, String project, String table) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE project = ?" + (table == null ? "" : " AND table_name = ?")
                + " ORDER BY table_name, object_id";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, project);
            if (table != null) {
                statement.setString(2, table);
            }
            return read(statement);
        }
    }

    List<Entry> entriesOfObject(Connection connection, String project, long objectId) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE project = ? AND object_id = ? ORDER BY table_name";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, project);
            statement.setLong(2, objectId);
            return read(statement);
        }
    }

    private static void delete(Connection connection, String sql, GoldTable table, Long objectId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table.project());
            statement.setString(2, table.table());
            if (objectId != null) {
                statement.setLong(3, objectId);
            }
            statement.executeUpdate();
        }
    }

    private static void insert(Connection connection, GoldTable table, Entry entry) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, table.project());
            statement.setString(2, table.table());
            statement.setLong(3, entry.objectId());
            statement.setString(4, entry.runId());
            statement.setLong(5, entry.rowCount());
            statement.setObject(6, entry.writtenAt().atOffset(ZoneOffset.UTC));
            statement.executeUpdate();
        }
    }

    private static List<Entry> read(PreparedStatement statement) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                entries.add(new Entry(rows.getString(2), rows.getLong(3), rows.getString(4), rows.getLong(5),
                        rows.getObject(6, OffsetDateTime.class).toInstant()));
            }
        }
        return entries;
    }
}
