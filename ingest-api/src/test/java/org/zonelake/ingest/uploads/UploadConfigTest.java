package org.zonelake.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;

class UploadConfigTest {
    @Test
    void defaultsToADayOfExpiry() {
        UploadConfig config = UploadConfig.from(ConfigSource.of(Map.of()));

        assertThat(config).isEqualTo(UploadConfig.defaults());
        assertThat(config.expiry()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void readsTheExpiryFromTheEnvironment() {
        assertThat(UploadConfig.from(ConfigSource.of(Map.of("ZONELAKE_UPLOADS_EXPIRY", "2h"))).expiry()).isEqualTo(Duration.ofHours(2));
        assertThat(UploadConfig.from(ConfigSource.of(Map.of("ZONELAKE_UPLOADS_EXPIRY", "PT30M"))).expiry()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void refusesANonPositiveExpiry() {
        assertThatThrownBy(() -> new UploadConfig(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZONELAKE_UPLOADS_EXPIRY");
    }
}
