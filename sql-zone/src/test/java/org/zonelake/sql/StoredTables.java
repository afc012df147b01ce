package org.zonelake.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/** Reads what a JDBC gold zone really holds, behind the store's back. */
public final class StoredTables {
    private StoredTables() {}

    /** Names of every table in the project's schema. */
    public static Set<String> of(DataSource dataSource, String project) {
        String sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, GoldTable.schemaOf(project));
            Set<String> names = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the tables of project " + project, e);
        }
    }
}
