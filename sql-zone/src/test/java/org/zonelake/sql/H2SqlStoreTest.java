package org.zonelake.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zonelake.sql.GoldRows.SALES;
import static org.zonelake.sql.GoldRows.rows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.TableInfo;
import org.zonelake.core.gold.sql.WriteMode;

/** The contract on the embedded H2 database, as the all-in-one lake opens it. */
class H2SqlStoreTest extends SqlStoreContract {
    @TempDir
    Path dataDirectory;

    private SqlZone zone;

    @BeforeEach
    void openZone() {
        zone = SqlZone.open(SqlZoneConfig.defaults(), dataDirectory);
    }

    @AfterEach
    void closeZone() {
        zone.close();
    }

    @Override
    protected SqlStore store() {
        return zone.store();
    }

    @Override
    protected Set<String> storedTableNames(String project) {
        return StoredTables.of(zone.dataSource(), project);
    }

    @Test
    void keepsTablesAcrossARestart() {
        store().writeTable(provenance(1, "run-1"), SALES, WriteMode.OWN_TABLE, rows(1, 3));
        TableInfo before = store().table(PROJECT, "sales").orElseThrow();
        zone.close();

        zone = SqlZone.open(SqlZoneConfig.defaults(), dataDirectory);

        assertThat(store().table(PROJECT, "sales")).contains(before);
        assertThat(export("sales")).isEqualTo(expected(1, 3, 1, "run-1"));
        assertThat(dataDirectory.resolve("sql").resolve("gold.mv.db")).isRegularFile();
    }

    @Test
    void letsOtherCodeOfTheJvmConnectToTheDatabaseWhileTheStoreWrites() throws SQLException {
        try (Connection other = DriverManager.getConnection(zone.jdbcUrl(), SqlZoneConfig.DEFAULT_USER, "")) {
            store().writeTable(provenance(1, "run-1"), SALES, WriteMode.OWN_TABLE, rows(1, 3));

            try (Statement statement = other.createStatement(); ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM \"p_alpha\".\"sales\"")) {
                count.next();
                assertThat(count.getLong(1)).isEqualTo(3);
            }
            store().writeTable(provenance(1, "run-2"), SALES, WriteMode.OWN_TABLE, rows(1, 5));
            assertThat(store().table(PROJECT, "sales").orElseThrow().rowCount()).isEqualTo(5);
        }
    }

    @Test
    void dropsStagingTablesAKilledWriteLeftBehindWhenItOpens() throws SQLException {
        store().writeTable(provenance(1, "run-1"), SALES, WriteMode.OWN_TABLE, rows(1, 3));
        try (Connection other = DriverManager.getConnection(zone.jdbcUrl(), SqlZoneConfig.DEFAULT_USER, "");
             Statement statement = other.createStatement()) {
            statement.execute("CREATE TABLE \"p_alpha\".\"zl_stage_0123abcd\" (x BIGINT)");
        }
        assertThat(storedTableNames(PROJECT)).contains("zl_stage_0123abcd");
        zone.close();

        zone = SqlZone.open(SqlZoneConfig.defaults(), dataDirectory);

        assertThat(storedTableNames(PROJECT)).doesNotContain("zl_stage_0123abcd").contains("sales");
        assertThat(export("sales")).isEqualTo(expected(1, 3, 1, "run-1"));
    }
}
