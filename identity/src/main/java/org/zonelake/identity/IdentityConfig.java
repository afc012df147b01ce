package org.zonelake.identity;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.identity.NewUser;
import org.zonelake.identity.keystone.KeystoneConfig;

/**
 * Settings of the identity provider: which backend, and the settings of each.
 *
 * @param tokenTtl how long a token issued at login stays valid ({@code identity.token-ttl})
 * @param adminPassword password of the {@code admin} user created on first start ({@code admin.password});
 *     when absent a random one is generated and printed once
 * @param argon2MemoryKib Argon2id memory cost in KiB ({@code identity.argon2-memory-kib})
 * @param argon2Iterations Argon2id time cost ({@code identity.argon2-iterations})
 * @param argon2Parallelism Argon2id lanes ({@code identity.argon2-parallelism})
 * @param tokenCacheSize most validated tokens kept in memory ({@code identity.token-cache-size})
 * @param tokenCacheTtl how long a validated token is trusted without asking the store again
 *     ({@code identity.token-cache-ttl}); bounds how late a change made by another process is seen
 * @param backend which provider the lake uses ({@code identity.backend}: {@code builtin} or {@code keystone})
 * @param keystone the Keystone settings ({@code identity.keystone.*}), present exactly when the backend is Keystone;
 *     the settings above other than the backend then do not apply
 */
public record IdentityConfig(
        Duration tokenTtl,
        Optional<String> adminPassword,
        int argon2MemoryKib,
        int argon2Iterations,
        int argon2Parallelism,
        int tokenCacheSize,
        Duration tokenCacheTtl,
        Backend backend,
        Optional<KeystoneConfig> keystone) {
    /** Where users, projects, roles and tokens live. */
    public enum Backend {
        /** {@code BuiltinIdentityProvider}: the metadata zone. */
        BUILTIN,
        /** {@code KeystoneIdentityProvider}: a Keystone v3 server. */
        KEYSTONE;

        static Backend parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ConfigSource.environmentName("identity.backend")
                        + " must be builtin or keystone, was '" + value + "'");
            }
        }
    }

    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(12);
    /** OWASP's first Argon2id configuration: 19 MiB, 2 iterations, 1 lane. */
    public static final int DEFAULT_ARGON2_MEMORY_KIB = 19 * 1024;
    public static final int DEFAULT_ARGON2_ITERATIONS = 2;
    public static final int DEFAULT_ARGON2_PARALLELISM = 1;
    public static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;
    public static final Duration DEFAULT_TOKEN_CACHE_TTL = Duration.ofSeconds(5);

    public IdentityConfig {
        requireNonNull(tokenTtl, "tokenTtl is null");
        requireNonNull(adminPassword, "adminPassword is null");
        requireNonNull(tokenCacheTtl, "tokenCacheTtl is null");
        requireNonNull(backend, "backend is null");
        requireNonNull(keystone, "keystone is null");
        if (keystone.isPresent() != (backend == Backend.KEYSTONE)) {
            throw new IllegalArgumentException("Keystone settings are given exactly when " + ConfigSource.environmentName("identity.backend")
                    + "=keystone; backend was " + backend.name().toLowerCase(Locale.ROOT));
        }
        positive("identity.token-ttl", tokenTtl.toMillis());
        adminPassword.ifPresent(IdentityConfig::requireStrongAdminPassword);
        // Argon2 needs at least 8 KiB per lane.
        atLeast("identity.argon2-memory-kib", argon2MemoryKib, 8L * Math.max(1, argon2Parallelism));
        atLeast("identity.argon2-iterations", argon2Iterations, 1);
        atLeast("identity.argon2-parallelism", argon2Parallelism, 1);
        atLeast("identity.token-cache-size", tokenCacheSize, 0);
        atLeast("identity.token-cache-ttl", tokenCacheTtl.toMillis(), 0);
    }

    /** The built-in backend with these settings. */
    public IdentityConfig(Duration tokenTtl, Optional<String> adminPassword, int argon2MemoryKib, int argon2Iterations,
            int argon2Parallelism, int tokenCacheSize, Duration tokenCacheTtl) {
        this(tokenTtl, adminPassword, argon2MemoryKib, argon2Iterations, argon2Parallelism, tokenCacheSize, tokenCacheTtl,
                Backend.BUILTIN, Optional.empty());
    }

    public static IdentityConfig defaults() {
        return new IdentityConfig(DEFAULT_TOKEN_TTL, Optional.empty(), DEFAULT_ARGON2_MEMORY_KIB, DEFAULT_ARGON2_ITERATIONS,
                DEFAULT_ARGON2_PARALLELISM, DEFAULT_TOKEN_CACHE_SIZE, DEFAULT_TOKEN_CACHE_TTL);
    }

    public static IdentityConfig from(ConfigSource source) {
        Backend backend = Backend.parse(source.string("identity.backend", "builtin"));
        return new IdentityConfig(
                source.duration("identity.token-ttl", DEFAULT_TOKEN_TTL),
                source.get("admin.password"),
                source.integer("identity.argon2-memory-kib", DEFAULT_ARGON2_MEMORY_KIB),
                source.integer("identity.argon2-iterations", DEFAULT_ARGON2_ITERATIONS),
                source.integer("identity.argon2-parallelism", DEFAULT_ARGON2_PARALLELISM),
                source.integer("identity.token-cache-size", DEFAULT_TOKEN_CACHE_SIZE),
                source.duration("identity.token-cache-ttl", DEFAULT_TOKEN_CACHE_TTL),
                backend,
                backend == Backend.KEYSTONE ? Optional.of(KeystoneConfig.from(source)) : Optional.empty());
    }

    public IdentityConfig withTokenTtl(Duration ttl) {
        return new IdentityConfig(ttl, adminPassword, argon2MemoryKib, argon2Iterations, argon2Parallelism, tokenCacheSize, tokenCacheTtl,
                backend, keystone);
    }

    /** Cheap key derivation for tests, where hashing cost only slows the build. */
    public IdentityConfig withArgon2(int memoryKib, int iterations, int parallelism) {
        return new IdentityConfig(tokenTtl, adminPassword, memoryKib, iterations, parallelism, tokenCacheSize, tokenCacheTtl,
                backend, keystone);
    }

    @Override
    public String toString() {
        return "IdentityConfig[tokenTtl=" + tokenTtl
                + ", adminPassword=" + (adminPassword.isPresent() ? "(set)" : "(unset)")
                + ", argon2MemoryKib=" + argon2MemoryKib
                + ", argon2Iterations=" + argon2Iterations
                + ", argon2Parallelism=" + argon2Parallelism
                + ", tokenCacheSize=" + tokenCacheSize
                + ", tokenCacheTtl=" + tokenCacheTtl
                + ", backend=" + backend.name().toLowerCase(Locale.ROOT)
                + keystone.map(settings -> ", keystone=" + settings).orElse("") + "]";
    }

    private static void requireStrongAdminPassword(String password) {
        if (password.length() < NewUser.MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(ConfigSource.environmentName("admin.password")
                    + " must have at least " + NewUser.MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(ConfigSource.environmentName(key) + " must be positive, was " + value);
        }
    }

    private static void atLeast(String key, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(ConfigSource.environmentName(key) + " must be at least " + minimum + ", was " + value);
        }
    }
}
