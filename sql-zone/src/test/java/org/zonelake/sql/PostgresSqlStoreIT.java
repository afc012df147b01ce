package org.zonelake.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.WriteMode;

/**
 * The contract on a real PostgreSQL, as {@code services/postgresql.sh start} provides it: set
 * {@code ZONELAKE_IT_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD} ({@code eval "$(services/postgresql.sh env)"}).
 * Without them the tests are skipped, except on CI ({@code CI=true}) where they fail.
 */
class PostgresSqlStoreIT extends SqlStoreContract {
    private static SqlZone zone;

    @TempDir
    static Path dataDirectory;

    private JdbcSqlStore store;

    @BeforeAll
    static void connect() {
        String url = System.getenv("ZONELAKE_IT_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            String message = "ZONELAKE_IT_POSTGRES_URL is not set: run services/postgresql.sh start and eval \"$(services/postgresql.sh env)\"";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        zone = SqlZone.open(new SqlZoneConfig(url, System.getenv("ZONELAKE_IT_POSTGRES_USER"), System.getenv("ZONELAKE_IT_POSTGRES_PASSWORD")), dataDirectory);
    }

    @AfterAll
    static void disconnect() {
        if (zone != null) {
            zone.close();
        }
    }

    /** Every test starts from an empty gold zone: the lake's schemas are dropped and a fresh store creates its catalog. */
    @BeforeEach
    void emptyGoldZone() throws SQLException {
        try (Connection connection = zone.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'p\\_%' OR nspname = 'zl_catalog'")) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA " + SqlDialect.quote(schema) + " CASCADE");
            }
        }
        store = new JdbcSqlStore(zone.dataSource(), SqlDialect.POSTGRESQL);
    }

    @Override
    protected SqlStore store() {
        return store;
    }

    @Override
    protected Set<String> storedTableNames(String project) {
        return StoredTables.of(zone.dataSource(), project);
    }

    @Test
    void storesTimestampsAsTimestampWithTimeZoneAndDecimalsAsNumeric() throws SQLException {
        store.writeTable(provenance(1, "run-1"), GoldRows.SALES, WriteMode.OWN_TABLE, GoldRows.rows(1, 2));

        List<String> types = new ArrayList<>();
        try (Connection connection = zone.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT column_name || ' ' || data_type FROM information_schema.columns "
                     + "WHERE table_schema = 'p_alpha' AND table_name = 'sales' ORDER BY ordinal_position")) {
            while (rows.next()) {
                types.add(rows.getString(1));
            }
        }

        assertThat(types).containsExactly("id bigint", "amount numeric", "ratio double precision", "active boolean", "day date",
                "seen_at timestamp with time zone", "note text", "zl_object_id bigint", "zl_run_id text", "zl_row bigint");
    }
}
