package org.zonelake.sql;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.zonelake.core.config.ConfigSource;

/**
 * Where the SQL gold zone lives.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL ({@code ZONELAKE_SQL_JDBC_URL}); empty means the
 *                embedded H2 database under the data directory
 * @param user the database user ({@code ZONELAKE_SQL_USER}, default {@code zonelake})
 * @param password the user's password ({@code ZONELAKE_SQL_PASSWORD}, default empty); never printed
 */
public record SqlZoneConfig(String jdbcUrl, String user, String password) {
    public static final String JDBC_URL = "sql.jdbc.url";
    public static final String USER = "sql.user";
    public static final String PASSWORD = "sql.password";
    public static final String DEFAULT_USER = "zonelake";
    /** Directory of the embedded database, relative to the lake's data directory. */
    public static final String EMBEDDED_DIRECTORY = "sql";

    // A password may also travel in the URL (?password=... or user:password@); toString() hides both.
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^:/@]+:)[^@/]*@");

    public SqlZoneConfig {
        jdbcUrl = jdbcUrl == null ? "" : jdbcUrl.trim();
        user = user == null || user.isBlank() ? DEFAULT_USER : user.trim();
        password = password == null ? "" : password;
        if (!jdbcUrl.isEmpty() && !jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException(ConfigSource.environmentName(JDBC_URL) + " must start with jdbc:postgresql: or jdbc:h2:, was "
                    + redacted(jdbcUrl));
        }
    }

    public static SqlZoneConfig defaults() {
        return new SqlZoneConfig("", DEFAULT_USER, "");
    }

    public static SqlZoneConfig from(ConfigSource config) {
        return new SqlZoneConfig(config.string(JDBC_URL, ""), config.string(USER, DEFAULT_USER), config.string(PASSWORD, ""));
    }

    /** Whether the lake runs its own H2 database instead of connecting to a server. */
    public boolean embedded() {
        return jdbcUrl.isEmpty();
    }

    public SqlDialect dialect() {
        return embedded() ? SqlDialect.H2 : SqlDialect.forUrl(jdbcUrl);
    }

    /** Where the embedded database keeps its files. */
    public static Path embeddedDirectory(Path dataDirectory) {
        return dataDirectory.resolve(EMBEDDED_DIRECTORY);
    }

    /** Never prints the password, neither the field nor one inside the URL. */
    @Override
    public String toString() {
        return "SqlZoneConfig[jdbcUrl=" + (embedded() ? "<embedded>" : redacted(jdbcUrl)) + ", user=" + user
                + ", password=" + (password.isEmpty() ? "<none>" : "***") + "]";
    }

    private static String redacted(String url) {
        return URL_USER_INFO.matcher(URL_PASSWORD.matcher(url).replaceAll("$1***")).replaceFirst("$1***@");
    }
}
