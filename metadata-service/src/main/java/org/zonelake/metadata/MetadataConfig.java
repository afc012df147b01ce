package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;
import org.zonelake.core.config.ConfigSource;

/**
 * Where the metadata zone lives.
 *
 * @param mongodbUrl a MongoDB connection string ({@code ZONELAKE_METADATA_MONGODB_URL}); empty means the embedded server
 * @param database the database holding the lake's collections ({@code ZONELAKE_METADATA_DATABASE}, default {@code zonelake})
 */
public record MetadataConfig(String mongodbUrl, String database) {
    public static final String MONGODB_URL = "metadata.mongodb.url";
    public static final String DATABASE = "metadata.database";
    public static final String DEFAULT_DATABASE = "zonelake";

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}");
    private static final Pattern PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^:/@]+:)[^@]*@");

    public MetadataConfig {
        mongodbUrl = mongodbUrl == null ? "" : mongodbUrl.trim();
        requireNonNull(database, "database is null");
        if (!mongodbUrl.isEmpty() && !mongodbUrl.startsWith("mongodb://") && !mongodbUrl.startsWith("mongodb+srv://")) {
            throw new IllegalArgumentException(ConfigSource.environmentName(MONGODB_URL) + " must start with mongodb:// or mongodb+srv://, was "
                    + redacted(mongodbUrl));
        }
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(ConfigSource.environmentName(DATABASE)
                    + " must be 1 to 63 letters, digits, _ or -, was '" + database + "'");
        }
    }

    public static MetadataConfig from(ConfigSource config) {
        return new MetadataConfig(config.string(MONGODB_URL, ""), config.string(DATABASE, DEFAULT_DATABASE));
    }

    /** Whether the lake runs its own in-process server instead of connecting to a MongoDB. */
    public boolean embedded() {
        return mongodbUrl.isEmpty();
    }

    /** Never prints the password of the connection string. */
    @Override
    public String toString() {
        return "MetadataConfig[mongodbUrl=" + (embedded() ? "<embedded>" : redacted(mongodbUrl)) + ", database=" + database + "]";
    }

    private static String redacted(String url) {
        return PASSWORD.matcher(url).replaceFirst("$1***@");
    }
}
