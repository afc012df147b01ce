package org.zonelake.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.identity.keystone.KeystoneConfig;

class IdentityConfigTest {
    @Test
    void defaultsAreTwelveHourTokensAndOwaspArgon2id() {
        IdentityConfig config = IdentityConfig.from(ConfigSource.of(Map.of()));

        assertThat(config.tokenTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(config.adminPassword()).isEmpty();
        assertThat(config.argon2MemoryKib()).isEqualTo(19_456);
        assertThat(config.argon2Iterations()).isEqualTo(2);
        assertThat(config.argon2Parallelism()).isEqualTo(1);
        assertThat(config.tokenCacheSize()).isEqualTo(10_000);
        assertThat(config.tokenCacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.backend()).isEqualTo(IdentityConfig.Backend.BUILTIN);
        assertThat(config.keystone()).isEmpty();
        assertThat(config).isEqualTo(IdentityConfig.defaults());
    }

    @Test
    void readsEveryKeyFromTheEnvironment() {
        IdentityConfig config = IdentityConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_IDENTITY_TOKEN_TTL", "30m",
                "ZONELAKE_ADMIN_PASSWORD", "s3cret-admin-pw",
                "ZONELAKE_IDENTITY_ARGON2_MEMORY_KIB", "65536",
                "ZONELAKE_IDENTITY_ARGON2_ITERATIONS", "3",
                "ZONELAKE_IDENTITY_ARGON2_PARALLELISM", "2",
                "ZONELAKE_IDENTITY_TOKEN_CACHE_SIZE", "50",
                "ZONELAKE_IDENTITY_TOKEN_CACHE_TTL", "1s")));

        assertThat(config).isEqualTo(new IdentityConfig(Duration.ofMinutes(30), Optional.of("s3cret-admin-pw"), 65_536, 3, 2, 50, Duration.ofSeconds(1)));
    }

    @Test
    void readsThePropertiesFileWhenTheEnvironmentIsSilent() {
        Properties properties = new Properties();
        properties.setProperty("zonelake.identity.token-ttl", "PT2H");

        IdentityConfig config = IdentityConfig.from(new ConfigSource(Map.of(), properties));

        assertThat(config.tokenTtl()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void toStringNeverShowsTheAdminPassword() {
        IdentityConfig config = IdentityConfig.from(ConfigSource.of(Map.of("ZONELAKE_ADMIN_PASSWORD", "s3cret-admin-pw")));

        assertThat(config.toString()).doesNotContain("s3cret-admin-pw").contains("adminPassword=(set)");
    }

    @Test
    void rejectsAnAdminPasswordTooShortToBeAccepted() {
        assertThatThrownBy(() -> IdentityConfig.from(ConfigSource.of(Map.of("ZONELAKE_ADMIN_PASSWORD", "short"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZONELAKE_ADMIN_PASSWORD")
                .hasMessageNotContaining("short");
    }

    @Test
    void rejectsAZeroTokenLifetimeAndTooLittleArgon2Memory() {
        assertThatThrownBy(() -> IdentityConfig.defaults().withTokenTtl(Duration.ZERO))
                .hasMessageContaining("ZONELAKE_IDENTITY_TOKEN_TTL");
        assertThatThrownBy(() -> IdentityConfig.defaults().withArgon2(4, 1, 1))
                .hasMessageContaining("ZONELAKE_IDENTITY_ARGON2_MEMORY_KIB");
    }

    @Test
    void theKeystoneBackendReadsTheKeystoneSettings() {
        IdentityConfig config = IdentityConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_IDENTITY_BACKEND", "keystone",
                "ZONELAKE_IDENTITY_KEYSTONE_URL", "http://127.0.0.1:55000/v3",
                "ZONELAKE_IDENTITY_KEYSTONE_ADMIN_PASSWORD", "s3cret-service-pw")));

        assertThat(config.backend()).isEqualTo(IdentityConfig.Backend.KEYSTONE);
        assertThat(config.keystone()).contains(KeystoneConfig.of("http://127.0.0.1:55000/v3", "admin", "s3cret-service-pw", "admin", "default"));
        assertThat(config.toString()).contains("backend=keystone").doesNotContain("s3cret-service-pw");
    }

    @Test
    void theKeystoneBackendWithoutItsUrlOrAnUnknownBackendIsRejected() {
        assertThatThrownBy(() -> IdentityConfig.from(ConfigSource.of(Map.of("ZONELAKE_IDENTITY_BACKEND", "keystone"))))
                .hasMessageContaining("ZONELAKE_IDENTITY_KEYSTONE_URL");
        assertThatThrownBy(() -> IdentityConfig.from(ConfigSource.of(Map.of("ZONELAKE_IDENTITY_BACKEND", "ldap"))))
                .hasMessageContaining("ZONELAKE_IDENTITY_BACKEND").hasMessageContaining("ldap");
    }

    @Test
    void keystoneSettingsAreIgnoredByTheBuiltinBackend() {
        IdentityConfig config = IdentityConfig.from(ConfigSource.of(Map.of("ZONELAKE_IDENTITY_KEYSTONE_URL", "http://127.0.0.1:55000/v3")));

        assertThat(config.backend()).isEqualTo(IdentityConfig.Backend.BUILTIN);
        assertThat(config.keystone()).isEmpty();
    }
}
