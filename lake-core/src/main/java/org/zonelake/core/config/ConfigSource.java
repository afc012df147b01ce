package org.zonelake.core.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Reads a setting from the environment first, then a properties file, then the caller's default.
 * A key such as {@code http.port} is looked up as {@code ZONELAKE_HTTP_PORT} in the environment and as
 * {@code zonelake.http.port} in the properties file.
 */
public final class ConfigSource {
    private final Map<String, String> environment;
    private final Properties properties;

    public ConfigSource(Map<String, String> environment, Properties properties) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.properties = new Properties();
        this.properties.putAll(requireNonNull(properties, "properties is null"));
    }

    /** The process environment, and the properties file named by {@code ZONELAKE_CONFIG_FILE} if set. */
    public static ConfigSource fromSystem() {
        Map<String, String> env = System.getenv();
        Properties props = new Properties();
        String file = env.get("ZONELAKE_CONFIG_FILE");
        if (file != null && !file.isBlank()) {
            props = loadProperties(Path.of(file));
        }
        return new ConfigSource(env, props);
    }

    public static ConfigSource of(Map<String, String> environment) {
        return new ConfigSource(environment, new Properties());
    }

    public static Properties loadProperties(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, "Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return props;
    }

    public static String environmentName(String key) {
        return "ZONELAKE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static String propertyName(String key) {
        return "zonelake." + key;
    }

    public Optional<String> get(String key) {
        String value = environment.get(environmentName(key));
        if (value == null) {
            value = properties.getProperty(propertyName(key));
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String string(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue) {
        return parsed(key, Integer::parseInt, defaultValue);
    }

    public long longValue(String key, long defaultValue) {
        return parsed(key, Long::parseLong, defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        return parsed(key, ConfigSource::parseBoolean, defaultValue);
    }

    /** A byte size such as {@code 512}, {@code 64KiB}, {@code 8MiB} or {@code 5GiB}. */
    public long bytes(String key, long defaultValue) {
        return parsed(key, ByteSize::parse, defaultValue);
    }

    /** A duration in ISO-8601 ({@code PT12H}) or as a number with a unit ({@code 30s}, {@code 5m}, {@code 12h}, {@code 7d}). */
    public Duration duration(String key, Duration defaultValue) {
        return parsed(key, DurationValue::parse, defaultValue);
    }

    private <T> T parsed(String key, Function<String, T> parser, T defaultValue) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.apply(raw.get());
        } catch (RuntimeException e) {
            throw new LakeException(ErrorCode.INVALID_REQUEST,
                    String.format("Invalid value '%s' for setting %s (%s)", raw.get(), environmentName(key), e.getMessage()), e);
        }
    }

    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }
}
