package org.zonelake.raw.swift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.raw.swift.SwiftConfig.AuthMethod;

class SwiftConfigTest {
    private static final Map<String, String> TEMPAUTH = Map.of(
            "ZONELAKE_RAW_SWIFT_AUTH_URL", "http://127.0.0.1:58080/auth/v1.0",
            "ZONELAKE_RAW_SWIFT_USER", "zonelake:lake",
            "ZONELAKE_RAW_SWIFT_KEY", "secret-key");

    @Test
    void defaultsToTempauthWithTheDocumentedSettings() {
        SwiftConfig config = SwiftConfig.from(ConfigSource.of(TEMPAUTH));

        assertThat(config).isEqualTo(SwiftConfig.tempAuth("http://127.0.0.1:58080/auth/v1.0", "zonelake:lake", "secret-key"));
        assertThat(config.auth()).isEqualTo(AuthMethod.TEMPAUTH);
        assertThat(config.containerPrefix()).isEqualTo("zonelake_");
        assertThat(config.segmentBytes()).isEqualTo(64L << 20);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.domain()).isEqualTo("default");
        assertThat(config.region()).isEmpty();
    }

    @Test
    void readsEveryKeystoneSettingFromTheEnvironment() {
        SwiftConfig config = SwiftConfig.from(ConfigSource.of(Map.ofEntries(
                Map.entry("ZONELAKE_RAW_SWIFT_AUTH", "Keystone"),
                Map.entry("ZONELAKE_RAW_SWIFT_AUTH_URL", "http://127.0.0.1:55000/v3"),
                Map.entry("ZONELAKE_RAW_SWIFT_USER", "zonelake"),
                Map.entry("ZONELAKE_RAW_SWIFT_PASSWORD", "secret-password"),
                Map.entry("ZONELAKE_RAW_SWIFT_PROJECT", "lake"),
                Map.entry("ZONELAKE_RAW_SWIFT_DOMAIN", "lake-domain"),
                Map.entry("ZONELAKE_RAW_SWIFT_REGION", "RegionTwo"),
                Map.entry("ZONELAKE_RAW_SWIFT_CONTAINER_PREFIX", "lake-"),
                Map.entry("ZONELAKE_RAW_SWIFT_SEGMENT_SIZE", "8MiB"),
                Map.entry("ZONELAKE_RAW_SWIFT_TIMEOUT", "15s"))));

        assertThat(config).isEqualTo(new SwiftConfig(AuthMethod.KEYSTONE, "http://127.0.0.1:55000/v3", "zonelake", "", "secret-password",
                "lake", "lake-domain", "RegionTwo", "lake-", 8L << 20, Duration.ofSeconds(15)));
    }

    @Test
    void refusesMissingCredentialsNamingTheSetting() {
        assertThatThrownBy(() -> SwiftConfig.from(ConfigSource.of(without(TEMPAUTH, "ZONELAKE_RAW_SWIFT_KEY"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_RAW_SWIFT_KEY");
        assertThatThrownBy(() -> SwiftConfig.from(ConfigSource.of(without(TEMPAUTH, "ZONELAKE_RAW_SWIFT_AUTH_URL"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_RAW_SWIFT_AUTH_URL");
        assertThatThrownBy(() -> SwiftConfig.keystone("http://127.0.0.1:55000/v3", "zonelake", "password", "", "default"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_RAW_SWIFT_PROJECT");
        assertThatThrownBy(() -> SwiftConfig.from(ConfigSource.of(with(TEMPAUTH, "ZONELAKE_RAW_SWIFT_AUTH", "swauth"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_RAW_SWIFT_AUTH");
    }

    @Test
    void refusesAContainerPrefixOrSegmentSizeSwiftCannotTake() {
        SwiftConfig config = SwiftConfig.from(ConfigSource.of(TEMPAUTH));

        assertThatThrownBy(() -> config.withContainerPrefix("lake/")).hasMessageContaining("ZONELAKE_RAW_SWIFT_CONTAINER_PREFIX");
        assertThatThrownBy(() -> config.withContainerPrefix("x".repeat(41))).hasMessageContaining("ZONELAKE_RAW_SWIFT_CONTAINER_PREFIX");
        assertThatThrownBy(() -> config.withSegmentBytes(0)).hasMessageContaining("ZONELAKE_RAW_SWIFT_SEGMENT_SIZE");
        assertThatThrownBy(() -> config.withSegmentBytes((5L << 30) + 1)).hasMessageContaining("ZONELAKE_RAW_SWIFT_SEGMENT_SIZE");
        assertThat(config.withContainerPrefix("").containerPrefix()).isEmpty();
    }

    @Test
    void neverPrintsTheKeyOrThePassword() {
        assertThat(SwiftConfig.from(ConfigSource.of(TEMPAUTH)).toString()).doesNotContain("secret-key").contains("key=***");
        assertThat(SwiftConfig.keystone("http://127.0.0.1:55000/v3", "zonelake", "secret-password", "lake", "default").toString())
                .doesNotContain("secret-password").contains("password=***");
    }

    private static Map<String, String> without(Map<String, String> settings, String key) {
        Map<String, String> copy = new HashMap<>(settings);
        copy.remove(key);
        return copy;
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> copy = new HashMap<>(settings);
        copy.put(key, value);
        return copy;
    }
}
