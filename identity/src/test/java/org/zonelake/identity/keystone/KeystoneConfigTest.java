package org.zonelake.identity.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.identity.ProjectRole;

class KeystoneConfigTest {
    private static final Map<String, String> REQUIRED = Map.of(
            "ZONELAKE_IDENTITY_KEYSTONE_URL", "http://127.0.0.1:55000/v3",
            "ZONELAKE_IDENTITY_KEYSTONE_ADMIN_PASSWORD", "s3cret-service-pw");

    @Test
    void defaultsAreBootstrapsAdminInTheDefaultDomainAndKeystonesStandardRoles() {
        KeystoneConfig config = KeystoneConfig.from(ConfigSource.of(REQUIRED));

        assertThat(config.url()).isEqualTo("http://127.0.0.1:55000/v3");
        assertThat(config.adminUser()).isEqualTo("admin");
        assertThat(config.adminProject()).isEqualTo("admin");
        assertThat(config.domain()).isEqualTo("default");
        assertThat(config.projectRoles()).isEqualTo(Map.of(
                ProjectRole.READER, "reader", ProjectRole.MEMBER, "member", ProjectRole.ADMIN, "manager"));
        assertThat(config.platformAdminRole()).isEqualTo("admin");
        assertThat(config.tokenCacheSize()).isEqualTo(10_000);
        assertThat(config.tokenCacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config).isEqualTo(KeystoneConfig.of("http://127.0.0.1:55000/v3", "admin", "s3cret-service-pw", "admin", "default"));
    }

    @Test
    void readsEveryKeyFromTheEnvironment() {
        KeystoneConfig config = KeystoneConfig.from(ConfigSource.of(Map.ofEntries(
                Map.entry("ZONELAKE_IDENTITY_KEYSTONE_URL", "https://keystone.example.org/v3"),
                Map.entry("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_USER", "zonelake"),
                Map.entry("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_PASSWORD", "s3cret-service-pw"),
                Map.entry("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_PROJECT", "lake-admin"),
                Map.entry("ZONELAKE_IDENTITY_KEYSTONE_DOMAIN", "lake"),
                Map.entry("ZONELAKE_IDENTITY_KEYSTONE_READER_ROLE", "lake_reader"),
                Map.entry("ZONELAKE_IDENTITY_KEYSTONE_MEMBER_ROLE", "lake_member"),
                Map.entry("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_ROLE", "lake_admin"),
                Map.entry("ZONELAKE_IDENTITY_KEYSTONE_PLATFORM_ADMIN_ROLE", "lake_platform_admin"),
                Map.entry("ZONELAKE_IDENTITY_KEYSTONE_TOKEN_CACHE_SIZE", "50"),
                Map.entry("ZONELAKE_IDENTITY_KEYSTONE_TOKEN_CACHE_TTL", "1s"),
                Map.entry("ZONELAKE_IDENTITY_KEYSTONE_TIMEOUT", "3s"))));

        assertThat(config).isEqualTo(new KeystoneConfig("https://keystone.example.org/v3", "zonelake", "s3cret-service-pw", "lake-admin",
                "lake", Map.of(ProjectRole.READER, "lake_reader", ProjectRole.MEMBER, "lake_member", ProjectRole.ADMIN, "lake_admin"),
                "lake_platform_admin", 50, Duration.ofSeconds(1), Duration.ofSeconds(3)));
    }

    @Test
    void theUrlAndTheServicePasswordAreRequired() {
        assertThatThrownBy(() -> KeystoneConfig.from(ConfigSource.of(Map.of("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_PASSWORD", "pw"))))
                .hasMessageContaining("ZONELAKE_IDENTITY_KEYSTONE_URL");
        assertThatThrownBy(() -> KeystoneConfig.from(ConfigSource.of(Map.of("ZONELAKE_IDENTITY_KEYSTONE_URL", "http://127.0.0.1:55000/v3"))))
                .hasMessageContaining("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_PASSWORD");
    }

    @Test
    void rejectsAMalformedUrlAndTwoProjectRolesOnOneKeystoneRole() {
        assertThatThrownBy(() -> KeystoneConfig.of("not a url", "admin", "pw", "admin", "default"))
                .hasMessageContaining("ZONELAKE_IDENTITY_KEYSTONE_URL");
        Map<String, String> sameRoles = new HashMap<>(REQUIRED);
        sameRoles.put("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_ROLE", "member");
        assertThatThrownBy(() -> KeystoneConfig.from(ConfigSource.of(sameRoles))).hasMessageContaining("must differ");
    }

    @Test
    void toStringNeverShowsTheServicePassword() {
        assertThat(KeystoneConfig.from(ConfigSource.of(REQUIRED)).toString())
                .doesNotContain("s3cret-service-pw")
                .contains("adminPassword=(set)");
    }
}
