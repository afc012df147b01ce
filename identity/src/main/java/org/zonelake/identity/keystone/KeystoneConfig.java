package org.zonelake.identity.keystone;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import okhttp3.HttpUrl;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.identity.ProjectRole;

/**
 * Settings of the Keystone identity provider.
 *
 * @param url Keystone's v3 endpoint, e.g. {@code http://127.0.0.1:55000/v3} ({@code identity.keystone.url})
 * @param adminUser the service's own Keystone user, holding {@code platformAdminRole} on {@code adminProject}
 * @param adminPassword that user's password; never printed
 * @param adminProject the project whose {@code platformAdminRole} makes a user a platform admin
 * @param domain id of the Keystone domain holding the lake's users and projects (and the admin user and project)
 * @param projectRoles the Keystone role name of each {@link ProjectRole}
 * @param platformAdminRole the Keystone role that, on {@code adminProject}, makes a platform admin
 * @param tokenCacheSize most validated tokens kept in memory; 0 disables the cache
 * @param tokenCacheTtl how long a validated token is trusted before Keystone is asked again; bounds how late a
 *     revocation made elsewhere is seen; 0 disables the cache
 * @param timeout connect, read and write timeout of each call to Keystone
 */
public record KeystoneConfig(
        String url,
        String adminUser,
        String adminPassword,
        String adminProject,
        String domain,
        Map<ProjectRole, String> projectRoles,
        String platformAdminRole,
        int tokenCacheSize,
        Duration tokenCacheTtl,
        Duration timeout) {
    public static final String DEFAULT_ADMIN_USER = "admin";
    public static final String DEFAULT_ADMIN_PROJECT = "admin";
    public static final String DEFAULT_DOMAIN = "default";
    public static final String DEFAULT_READER_ROLE = "reader";
    public static final String DEFAULT_MEMBER_ROLE = "member";
    /** Not Keystone's {@code admin}: under Keystone's default policy that role on any project is cloud-wide admin. */
    public static final String DEFAULT_PROJECT_ADMIN_ROLE = "manager";
    public static final String DEFAULT_PLATFORM_ADMIN_ROLE = "admin";
    public static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;
    public static final Duration DEFAULT_TOKEN_CACHE_TTL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public KeystoneConfig {
        requireNonNull(url, "url is null");
        if (HttpUrl.parse(url) == null) {
            throw new IllegalArgumentException(env("url") + " must be an http(s) URL, was '" + url + "'");
        }
        requireText("admin-user", adminUser);
        requireText("admin-password", adminPassword);
        requireText("admin-project", adminProject);
        requireText("domain", domain);
        projectRoles = Map.copyOf(new EnumMap<>(requireNonNull(projectRoles, "projectRoles is null")));
        requireDistinctRoles(projectRoles);
        requireText("platform-admin-role", platformAdminRole);
        requireNonNull(tokenCacheTtl, "tokenCacheTtl is null");
        requireNonNull(timeout, "timeout is null");
        if (tokenCacheSize < 0 || tokenCacheTtl.isNegative()) {
            throw new IllegalArgumentException(env("token-cache-size") + " and " + env("token-cache-ttl") + " must not be negative");
        }
        if (timeout.toMillis() <= 0) {
            throw new IllegalArgumentException(env("timeout") + " must be positive, was " + timeout);
        }
    }

    /** Reads the {@code identity.keystone.*} keys; the URL and the admin password have no default. */
    public static KeystoneConfig from(ConfigSource source) {
        Map<ProjectRole, String> roles = new EnumMap<>(ProjectRole.class);
        roles.put(ProjectRole.READER, source.string(key("reader-role"), DEFAULT_READER_ROLE));
        roles.put(ProjectRole.MEMBER, source.string(key("member-role"), DEFAULT_MEMBER_ROLE));
        roles.put(ProjectRole.ADMIN, source.string(key("admin-role"), DEFAULT_PROJECT_ADMIN_ROLE));
        return new KeystoneConfig(
                required(source, "url"),
                source.string(key("admin-user"), DEFAULT_ADMIN_USER),
                required(source, "admin-password"),
                source.string(key("admin-project"), DEFAULT_ADMIN_PROJECT),
                source.string(key("domain"), DEFAULT_DOMAIN),
                roles,
                source.string(key("platform-admin-role"), DEFAULT_PLATFORM_ADMIN_ROLE),
                source.integer(key("token-cache-size"), DEFAULT_TOKEN_CACHE_SIZE),
                source.duration(key("token-cache-ttl"), DEFAULT_TOKEN_CACHE_TTL),
                source.duration(key("timeout"), DEFAULT_TIMEOUT));
    }

    /** The default role names and cache, with the given server and service account. */
    public static KeystoneConfig of(String url, String adminUser, String adminPassword, String adminProject, String domain) {
        return new KeystoneConfig(url, adminUser, adminPassword, adminProject, domain, Map.of(
                ProjectRole.READER, DEFAULT_READER_ROLE,
                ProjectRole.MEMBER, DEFAULT_MEMBER_ROLE,
                ProjectRole.ADMIN, DEFAULT_PROJECT_ADMIN_ROLE), DEFAULT_PLATFORM_ADMIN_ROLE,
                DEFAULT_TOKEN_CACHE_SIZE, DEFAULT_TOKEN_CACHE_TTL, DEFAULT_TIMEOUT);
    }

    public KeystoneConfig withTokenCache(int size, Duration ttl) {
        return new KeystoneConfig(url, adminUser, adminPassword, adminProject, domain, projectRoles, platformAdminRole, size, ttl, timeout);
    }

    public String roleName(ProjectRole role) {
        return projectRoles.get(role);
    }

    @Override
    public String toString() {
        return "KeystoneConfig[url=" + url + ", adminUser=" + adminUser + ", adminPassword=(set), adminProject=" + adminProject
                + ", domain=" + domain + ", projectRoles=" + new EnumMap<>(projectRoles) + ", platformAdminRole=" + platformAdminRole
                + ", tokenCacheSize=" + tokenCacheSize + ", tokenCacheTtl=" + tokenCacheTtl + ", timeout=" + timeout + "]";
    }

    private static String key(String name) {
        return "identity.keystone." + name;
    }

    private static String env(String name) {
        return ConfigSource.environmentName(key(name));
    }

    private static String required(ConfigSource source, String name) {
        return source.get(key(name)).orElseThrow(() -> new IllegalArgumentException(
                env(name) + " must be set when " + ConfigSource.environmentName("identity.backend") + "=keystone"));
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(env(name) + " must not be empty");
        }
    }

    private static void requireDistinctRoles(Map<ProjectRole, String> roles) {
        if (roles.size() != ProjectRole.values().length || roles.values().stream().anyMatch(name -> name == null || name.isBlank())) {
            throw new IllegalArgumentException("Every project role needs a Keystone role name: " + env("reader-role") + ", "
                    + env("member-role") + ", " + env("admin-role"));
        }
        if (new HashSet<>(roles.values()).size() != roles.size()) {
            throw new IllegalArgumentException("The Keystone role names of the project roles must differ, were " + new EnumMap<>(roles));
        }
    }
}
