package org.zonelake.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.core.gold.sql.SqlStore;

/**
 * Columns of gold tables as {@code information_schema} has them. A table's columns as the store shows them are its
 * data columns in creation order followed by the provenance columns, wherever columns added later sit physically.
 */
final class TableColumns {
    static final String ROW_COLUMN = "zl_row";
    static final List<Column> PROVENANCE = List.of(
            new Column(SqlStore.OBJECT_COLUMN, ColumnType.INTEGER), new Column(SqlStore.RUN_COLUMN, ColumnType.TEXT), new Column(ROW_COLUMN, ColumnType.INTEGER));
    static final Set<String> PROVENANCE_NAMES = Set.of(SqlStore.OBJECT_COLUMN, SqlStore.RUN_COLUMN, ROW_COLUMN);

    private static final String QUERY = "SELECT table_name, column_name, data_type, numeric_scale FROM information_schema.columns "
            + "WHERE table_schema = ?";

    private TableColumns() {}

    /** Data columns of every table in {@code schema}, by table name. */
    static Map<String, List<Column>> ofSchema(Connection connection, String schema) throws SQLException {
        return read(connection, schema, null);
    }

    /** Data columns of the table, or empty if it does not exist. */
    static Optional<List<Column>> ofTable(Connection connection, GoldTable table) throws SQLException {
        return Optional.ofNullable(read(connection, table.schema(), table.table()).get(table.table()));
    }

    static List<Column> withProvenance(List<Column> dataColumns) {
        List<Column> all = new ArrayList<>(dataColumns);
        all.addAll(PROVENANCE);
        return List.copyOf(all);
    }

    private static Map<String, List<Column>> read(Connection connection, String schema, String table) throws SQLException {
        String sql = QUERY + (table == null ? "" : " AND table_name = ?") + " ORDER BY table_name, ordinal_position";
        Map<String, List<Column>> tables = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            if (table != null) {
                statement.setString(2, table);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<Column> columns = tables.computeIfAbsent(rows.getString(1), name -> new ArrayList<>());
                    String name = rows.getString(2);
                    if (!PROVENANCE_NAMES.contains(name)) {
                        columns.add(column(name, rows.getString(3), rows.getInt(4)));
                    }
                }
            }
        }
        return tables;
    }

    private static Column column(String name, String dataType, int scale) {
        // A column someone added by hand with another type is still readable as text.
        ColumnType type = SqlDialect.columnType(dataType).orElse(ColumnType.TEXT);
        return new Column(name, type, type == ColumnType.DECIMAL ? scale : 0);
    }
}
