package org.zonelake.sql;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * The embedded SQL database: an H2 file database {@code gold.mv.db} in a directory, open for the life of this
 * object. Any code of the same JVM (Spark jobs included) may open more connections to {@link #jdbcUrl()}: H2 shares
 * one open database between all connections of a process, and {@code DB_CLOSE_DELAY=-1} keeps it open between
 * them until {@link #close()}. Another process cannot open it meanwhile (H2 locks the file).
 */
public final class EmbeddedSqlDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSqlDatabase.class);
    static final String FILE_NAME = "gold";

    private final Path directory;
    private final String jdbcUrl;
    private final JdbcDataSource dataSource;

    private EmbeddedSqlDatabase(Path directory, String user, String password) {
        this.directory = directory;
        this.jdbcUrl = "jdbc:h2:file:" + directory.resolve(FILE_NAME) + ";DB_CLOSE_DELAY=-1";
        this.dataSource = new JdbcDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
    }

    /** Opens (or creates) the database in {@code directory}, whose path may not contain {@code ;}. */
    public static EmbeddedSqlDatabase open(Path directory, String user, String password) {
        requireNonNull(directory, "directory is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        Path absolute = directory.toAbsolutePath().normalize();
        if (absolute.toString().contains(";")) {
            throw new IllegalArgumentException("The embedded SQL database directory may not contain ';': " + absolute);
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new LakeException(ErrorCode.GOLD_ZONE_UNAVAILABLE, "Cannot create the SQL gold zone directory " + absolute + ": " + e.getMessage(), e);
        }
        EmbeddedSqlDatabase database = new EmbeddedSqlDatabase(absolute, user, password);
        database.check();
        LOG.info("Embedded SQL database open at {}", absolute);
        return database;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Unpooled connections; pool them for a store. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Path directory() {
        return directory;
    }

    /** Closes the database; connections still open fail from then on. */
    @Override
    public void close() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
            LOG.info("Embedded SQL database at {} closed", directory);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "Cannot close the embedded SQL database at %s", directory);
        }
    }

    private void check() {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(1);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "Cannot open the embedded SQL database at %s", directory);
        }
    }
}
