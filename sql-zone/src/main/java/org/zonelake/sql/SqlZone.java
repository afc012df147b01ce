package org.zonelake.sql;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.zonelake.core.gold.sql.SqlStore;

/**
 * The SQL gold zone as configured: a {@link JdbcSqlStore} over a connection pool, on the configured server or on
 * the embedded database under the data directory. Closing it closes the pool, then the embedded database.
 */
public final class SqlZone implements AutoCloseable {
    static final int POOL_SIZE = 8;
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    private final EmbeddedSqlDatabase embedded;
    private final HikariDataSource pool;
    private final JdbcSqlStore store;
    private final String jdbcUrl;

    private SqlZone(EmbeddedSqlDatabase embedded, HikariDataSource pool, SqlDialect dialect, String jdbcUrl) {
        this.embedded = embedded;
        this.pool = pool;
        this.store = new JdbcSqlStore(pool, dialect);
        this.jdbcUrl = jdbcUrl;
    }

    public static SqlZone open(SqlZoneConfig config, Path dataDirectory) {
        requireNonNull(config, "config is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        EmbeddedSqlDatabase embedded = config.embedded()
                ? EmbeddedSqlDatabase.open(SqlZoneConfig.embeddedDirectory(dataDirectory), config.user(), config.password())
                : null;
        String url = embedded == null ? config.jdbcUrl() : embedded.jdbcUrl();
        HikariDataSource pool = pool(url, config, config.dialect());
        if (embedded != null) {
            AbandonedStagingTables.drop(pool);
        }
        return new SqlZone(embedded, pool, config.dialect(), url);
    }

    public SqlStore store() {
        return store;
    }

    /** The URL other code of the lake (Spark jobs) may connect to; the embedded database's when no server is set. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The pooled connections the store uses. */
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    private static HikariDataSource pool(String url, SqlZoneConfig config, SqlDialect dialect) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("zonelake-sql");
        hikari.setJdbcUrl(url);
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        // Start even while the server is down: calls fail with an external error until it is back.
        hikari.setInitializationFailTimeout(-1);
        dialect.dataSourceProperties().forEach(hikari::addDataSourceProperty);
        return new HikariDataSource(hikari);
    }
}
