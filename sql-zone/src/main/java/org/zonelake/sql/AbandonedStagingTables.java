package org.zonelake.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staging tables left behind when the process was killed during an own-table write. Only the embedded database
 * is swept, at open: nothing else writes to it then, whereas a shared server may hold other lakes' writes in flight.
 */
final class AbandonedStagingTables {
    private static final Logger LOG = LoggerFactory.getLogger(AbandonedStagingTables.class);

    private AbandonedStagingTables() {}

    static int drop(DataSource database) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = statement.executeQuery("SELECT table_schema, table_name FROM information_schema.tables"
                    + " WHERE table_name LIKE '" + OwnTableWrite.STAGING_PREFIX.replace("_", "\\_") + "%'")) {
                while (found.next()) {
                    tables.add(SqlDialect.qualified(found.getString(1), found.getString(2)));
                }
            }
            for (String table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
            if (!tables.isEmpty()) {
                LOG.info("Dropped {} staging table(s) left by an interrupted write: {}", tables.size(), tables);
            }
            return tables.size();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "Cannot sweep abandoned staging tables");
        }
    }
}
