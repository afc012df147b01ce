package org.zonelake.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class ConfigSourceTest {
    @Test
    void mapsKeysToEnvironmentAndPropertyNames() {
        assertThat(ConfigSource.environmentName("limits.max-object-bytes")).isEqualTo("ZONELAKE_LIMITS_MAX_OBJECT_BYTES");
        assertThat(ConfigSource.propertyName("http.port")).isEqualTo("zonelake.http.port");
    }

    @Test
    void environmentWinsThenPropertiesThenDefault() {
        Properties properties = new Properties();
        properties.setProperty("zonelake.a", "from-file");
        properties.setProperty("zonelake.b", "from-file");
        ConfigSource source = new ConfigSource(Map.of("ZONELAKE_A", "from-env"), properties);

        assertThat(source.string("a", "default")).isEqualTo("from-env");
        assertThat(source.string("b", "default")).isEqualTo("from-file");
        assertThat(source.string("c", "default")).isEqualTo("default");
    }

    @Test
    void blankValuesCountAsUnset() {
        assertThat(ConfigSource.of(Map.of("ZONELAKE_A", "  ")).string("a", "default")).isEqualTo("default");
    }

    @Test
    void parsesSizesDurationsAndBooleans() {
        ConfigSource source = ConfigSource.of(Map.of(
                "ZONELAKE_SIZE", "64KiB", "ZONELAKE_BIG", "5GiB", "ZONELAKE_PLAIN", "512",
                "ZONELAKE_WAIT", "30s", "ZONELAKE_ISO", "PT12H", "ZONELAKE_FLAG", "yes"));

        assertThat(source.bytes("size", 0)).isEqualTo(65_536);
        assertThat(source.bytes("big", 0)).isEqualTo(5L << 30);
        assertThat(source.bytes("plain", 0)).isEqualTo(512);
        assertThat(source.duration("wait", Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
        assertThat(source.duration("iso", Duration.ZERO)).isEqualTo(Duration.ofHours(12));
        assertThat(source.bool("flag", false)).isTrue();
    }

    @Test
    void badValueNamesTheVariableAndTheValue() {
        ConfigSource source = ConfigSource.of(Map.of("ZONELAKE_HTTP_PORT", "80a", "ZONELAKE_SIZE", "12 parsecs"));

        assertThatThrownBy(() -> source.integer("http.port", 8080))
                .isInstanceOf(LakeException.class)
                .hasMessageContaining("ZONELAKE_HTTP_PORT").hasMessageContaining("80a")
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThatThrownBy(() -> source.bytes("size", 1)).hasMessageContaining("ZONELAKE_SIZE");
    }

    @Test
    void limitsHaveSafeDefaultsAndRejectNonPositiveValues() {
        LimitsConfig defaults = LimitsConfig.from(ConfigSource.of(Map.of()));
        assertThat(defaults).isEqualTo(LimitsConfig.defaults());
        assertThat(defaults.maxObjectBytes()).isEqualTo(10L << 30);
        assertThat(defaults.maxNameLength()).isEqualTo(255);

        assertThatThrownBy(() -> LimitsConfig.from(ConfigSource.of(Map.of("ZONELAKE_LIMITS_MAX_NAME_LENGTH", "0"))))
                .hasMessageContaining("ZONELAKE_LIMITS_MAX_NAME_LENGTH");
    }
}
