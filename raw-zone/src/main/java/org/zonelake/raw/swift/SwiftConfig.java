package org.zonelake.raw.swift;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.zonelake.core.config.ConfigSource;

/**
 * Where the Swift raw zone lives and how the lake signs in to it.
 *
 * @param auth            {@code tempauth} (Swift's v1.0 auth) or {@code keystone} (v3 password)
 *                        ({@code ZONELAKE_RAW_SWIFT_AUTH}, default tempauth)
 * @param authUrl         tempauth's {@code .../auth/v1.0}, or Keystone's {@code .../v3} ({@code ZONELAKE_RAW_SWIFT_AUTH_URL})
 * @param user            tempauth's {@code account:user}, or the Keystone user name ({@code ZONELAKE_RAW_SWIFT_USER})
 * @param key             tempauth's key ({@code ZONELAKE_RAW_SWIFT_KEY}); never printed
 * @param password        the Keystone password ({@code ZONELAKE_RAW_SWIFT_PASSWORD}); never printed
 * @param project         the Keystone project the token is scoped to ({@code ZONELAKE_RAW_SWIFT_PROJECT})
 * @param domain          id of the Keystone domain of user and project ({@code ZONELAKE_RAW_SWIFT_DOMAIN}, default {@code default})
 * @param region          the catalog region of the object-store endpoint; empty takes the first public one
 *                        ({@code ZONELAKE_RAW_SWIFT_REGION})
 * @param containerPrefix a project's container is {@code <prefix><project>} ({@code ZONELAKE_RAW_SWIFT_CONTAINER_PREFIX},
 *                        default {@code zonelake_})
 * @param segmentBytes    objects above this size become Static Large Objects of segments this size
 *                        ({@code ZONELAKE_RAW_SWIFT_SEGMENT_SIZE}, default 64 MiB)
 * @param timeout         connect, read and write timeout of one request ({@code ZONELAKE_RAW_SWIFT_TIMEOUT}, default 60 s)
 */
public record SwiftConfig(AuthMethod auth, String authUrl, String user, String key, String password, String project, String domain,
                          String region, String containerPrefix, long segmentBytes, Duration timeout) {
    public static final String AUTH = "raw.swift.auth";
    public static final String AUTH_URL = "raw.swift.auth-url";
    public static final String USER = "raw.swift.user";
    public static final String KEY = "raw.swift.key";
    public static final String PASSWORD = "raw.swift.password";
    public static final String PROJECT = "raw.swift.project";
    public static final String DOMAIN = "raw.swift.domain";
    public static final String REGION = "raw.swift.region";
    public static final String CONTAINER_PREFIX = "raw.swift.container-prefix";
    public static final String SEGMENT_SIZE = "raw.swift.segment-size";
    public static final String TIMEOUT = "raw.swift.timeout";

    public static final String DEFAULT_DOMAIN = "default";
    public static final String DEFAULT_CONTAINER_PREFIX = "zonelake_";
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    /** Swift's largest single object (its {@code max_file_size}), hence the largest segment. */
    public static final long MAX_SEGMENT_BYTES = 5L << 30;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Container names are at most 256 bytes: the prefix, a project (up to 200) and {@code _segments} must fit. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{0,40}");

    /** How the lake obtains its token. */
    public enum AuthMethod {
        TEMPAUTH, KEYSTONE;

        static AuthMethod parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ConfigSource.environmentName(AUTH) + " must be tempauth or keystone, was " + value, e);
            }
        }
    }

    public SwiftConfig {
        requireNonNull(auth, "auth is null");
        authUrl = trimmed(authUrl);
        user = trimmed(user);
        key = key == null ? "" : key;
        password = password == null ? "" : password;
        project = trimmed(project);
        domain = trimmed(domain).isEmpty() ? DEFAULT_DOMAIN : domain.trim();
        region = trimmed(region);
        containerPrefix = containerPrefix == null ? DEFAULT_CONTAINER_PREFIX : containerPrefix.trim();
        requireNonNull(timeout, "timeout is null");
        if (!authUrl.startsWith("http://") && !authUrl.startsWith("https://")) {
            throw invalid(AUTH_URL, "must be an http:// or https:// URL, was '" + authUrl + "'");
        }
        if (user.isEmpty()) {
            throw invalid(USER, "must be set");
        }
        if (auth == AuthMethod.TEMPAUTH && key.isEmpty()) {
            throw invalid(KEY, "must be set for tempauth");
        }
        if (auth == AuthMethod.KEYSTONE && (password.isEmpty() || project.isEmpty())) {
            throw new IllegalArgumentException(ConfigSource.environmentName(PASSWORD) + " and " + ConfigSource.environmentName(PROJECT)
                    + " must be set for keystone");
        }
        if (!PREFIX.matcher(containerPrefix).matches()) {
            throw invalid(CONTAINER_PREFIX, "must be at most 40 letters, digits, '.', '_' or '-', was '" + containerPrefix + "'");
        }
        if (segmentBytes <= 0 || segmentBytes > MAX_SEGMENT_BYTES) {
            throw invalid(SEGMENT_SIZE, "must be between 1 byte and 5GiB, was " + segmentBytes);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw invalid(TIMEOUT, "must be positive, was " + timeout);
        }
    }

    /** Tempauth ({@code .../auth/v1.0}) with the defaults for everything else. */
    public static SwiftConfig tempAuth(String authUrl, String user, String key) {
        return new SwiftConfig(AuthMethod.TEMPAUTH, authUrl, user, key, "", "", DEFAULT_DOMAIN, "", DEFAULT_CONTAINER_PREFIX,
                DEFAULT_SEGMENT_BYTES, DEFAULT_TIMEOUT);
    }

    /** Keystone v3 password authentication, scoped to the project, with the defaults for everything else. */
    public static SwiftConfig keystone(String authUrl, String user, String password, String project, String domain) {
        return new SwiftConfig(AuthMethod.KEYSTONE, authUrl, user, "", password, project, domain, "", DEFAULT_CONTAINER_PREFIX,
                DEFAULT_SEGMENT_BYTES, DEFAULT_TIMEOUT);
    }

    public static SwiftConfig from(ConfigSource source) {
        return new SwiftConfig(
                AuthMethod.parse(source.string(AUTH, "tempauth")),
                source.string(AUTH_URL, ""),
                source.string(USER, ""),
                source.get(KEY).orElse(""),
                source.get(PASSWORD).orElse(""),
                source.string(PROJECT, ""),
                source.string(DOMAIN, DEFAULT_DOMAIN),
                source.string(REGION, ""),
                source.get(CONTAINER_PREFIX).orElse(DEFAULT_CONTAINER_PREFIX),
                source.bytes(SEGMENT_SIZE, DEFAULT_SEGMENT_BYTES),
                source.duration(TIMEOUT, DEFAULT_TIMEOUT));
    }

    public SwiftConfig withContainerPrefix(String prefix) {
        return new SwiftConfig(auth, authUrl, user, key, password, project, domain, region, prefix, segmentBytes, timeout);
    }

    public SwiftConfig withSegmentBytes(long bytes) {
        return new SwiftConfig(auth, authUrl, user, key, password, project, domain, region, containerPrefix, bytes, timeout);
    }

    public SwiftConfig withTimeout(Duration duration) {
        return new SwiftConfig(auth, authUrl, user, key, password, project, domain, region, containerPrefix, segmentBytes, duration);
    }

    /** Never prints the key or the password. */
    @Override
    public String toString() {
        return "SwiftConfig[auth=" + auth.name().toLowerCase(Locale.ROOT) + ", authUrl=" + authUrl + ", user=" + user
                + ", key=" + (key.isEmpty() ? "" : "***") + ", password=" + (password.isEmpty() ? "" : "***")
                + ", project=" + project + ", domain=" + domain + ", region=" + region + ", containerPrefix=" + containerPrefix
                + ", segmentBytes=" + segmentBytes + ", timeout=" + timeout + "]";
    }

    private static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(ConfigSource.environmentName(key) + " " + problem);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
