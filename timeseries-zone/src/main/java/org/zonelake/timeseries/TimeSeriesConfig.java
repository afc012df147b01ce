package org.zonelake.timeseries;

import org.zonelake.core.config.ConfigSource;

/**
 * Where the time-series gold zone lives.
 *
 * @param influxdbUrl base URL of an InfluxDB 1.x HTTP API ({@code ZONELAKE_TIMESERIES_INFLUXDB_URL}); empty means the
 *                    embedded QuestDB engine
 * @param influxdbUser user for InfluxDB's basic authentication ({@code ZONELAKE_TIMESERIES_INFLUXDB_USER}); empty: none
 * @param influxdbPassword its password ({@code ZONELAKE_TIMESERIES_INFLUXDB_PASSWORD}); never printed
 */
public record TimeSeriesConfig(String influxdbUrl, String influxdbUser, String influxdbPassword) {
    public static final String INFLUXDB_URL = "timeseries.influxdb.url";
    public static final String INFLUXDB_USER = "timeseries.influxdb.user";
    public static final String INFLUXDB_PASSWORD = "timeseries.influxdb.password";

    public TimeSeriesConfig {
        influxdbUrl = trimmed(influxdbUrl);
        influxdbUser = trimmed(influxdbUser);
        influxdbPassword = influxdbPassword == null ? "" : influxdbPassword;
        if (!influxdbUrl.isEmpty() && !influxdbUrl.startsWith("http://") && !influxdbUrl.startsWith("https://")) {
            throw new IllegalArgumentException(ConfigSource.environmentName(INFLUXDB_URL) + " must start with http:// or https://, was "
                    + withoutUserInfo(influxdbUrl));
        }
        if (influxdbUrl.contains("@")) {
            throw new IllegalArgumentException(ConfigSource.environmentName(INFLUXDB_URL) + " must not carry credentials: set "
                    + ConfigSource.environmentName(INFLUXDB_USER) + " and " + ConfigSource.environmentName(INFLUXDB_PASSWORD));
        }
        if (influxdbUser.isEmpty() != influxdbPassword.isEmpty()) {
            throw new IllegalArgumentException(ConfigSource.environmentName(INFLUXDB_USER) + " and "
                    + ConfigSource.environmentName(INFLUXDB_PASSWORD) + " go together: set both or neither");
        }
    }

    /** The embedded engine: no InfluxDB configured. */
    public static TimeSeriesConfig embeddedDefault() {
        return new TimeSeriesConfig("", "", "");
    }

    public static TimeSeriesConfig from(ConfigSource config) {
        return new TimeSeriesConfig(config.string(INFLUXDB_URL, ""), config.string(INFLUXDB_USER, ""),
                config.get(INFLUXDB_PASSWORD).orElse(""));
    }

    /** Whether the lake runs the embedded QuestDB engine instead of connecting to an InfluxDB. */
    public boolean embedded() {
        return influxdbUrl.isEmpty();
    }

    /** Whether InfluxDB requests carry basic authentication. */
    public boolean authenticated() {
        return !influxdbUser.isEmpty();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "TimeSeriesConfig[influxdbUrl=" + (embedded() ? "<embedded>" : influxdbUrl) + ", influxdbUser=" + influxdbUser
                + ", influxdbPassword=" + (influxdbPassword.isEmpty() ? "" : "***") + "]";
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    private static String withoutUserInfo(String url) {
        return url.replaceFirst("//[^/@]*@", "//***@");
    }
}
