package org.zonelake.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.error.LakeException;
import org.zonelake.raw.RawZoneConfig.Backend;
import org.zonelake.raw.swift.SwiftConfig;

class RawZoneConfigTest {
    @Test
    void defaultsTo256MibSegments() {
        assertThat(RawZoneConfig.from(ConfigSource.of(Map.of()))).isEqualTo(new RawZoneConfig(256L << 20));
        assertThat(RawZoneConfig.defaults().segmentBytes()).isEqualTo(268_435_456L);
    }

    @Test
    void readsSegmentSizeFromEnvironment() {
        assertThat(RawZoneConfig.from(ConfigSource.of(Map.of("ZONELAKE_RAW_SEGMENT_BYTES", "64MiB"))).segmentBytes())
                .isEqualTo(64L << 20);
    }

    @Test
    void rejectsNonPositiveOrMalformedSegmentSize() {
        assertThatThrownBy(() -> RawZoneConfig.from(ConfigSource.of(Map.of("ZONELAKE_RAW_SEGMENT_BYTES", "0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZONELAKE_RAW_SEGMENT_BYTES");
        assertThatThrownBy(() -> RawZoneConfig.from(ConfigSource.of(Map.of("ZONELAKE_RAW_SEGMENT_BYTES", "lots"))))
                .isInstanceOf(LakeException.class);
    }

    @Test
    void defaultsToTheLocalDisk() {
        RawZoneConfig config = RawZoneConfig.from(ConfigSource.of(Map.of()));

        assertThat(config.backend()).isEqualTo(Backend.LOCAL);
        assertThat(config.swift()).isNull();
    }

    @Test
    void readsTheSwiftSettingsWhenTheBackendIsSwift() {
        RawZoneConfig config = RawZoneConfig.from(ConfigSource.of(Map.of("ZONELAKE_RAW_BACKEND", "swift",
                "ZONELAKE_RAW_SWIFT_AUTH_URL", "http://127.0.0.1:58080/auth/v1.0", "ZONELAKE_RAW_SWIFT_USER", "zonelake:lake",
                "ZONELAKE_RAW_SWIFT_KEY", "key")));

        assertThat(config.backend()).isEqualTo(Backend.SWIFT);
        assertThat(config.swift()).isEqualTo(SwiftConfig.tempAuth("http://127.0.0.1:58080/auth/v1.0", "zonelake:lake", "key"));
    }

    @Test
    void rejectsAnUnknownBackendOrSwiftWithoutItsSettings() {
        assertThatThrownBy(() -> RawZoneConfig.from(ConfigSource.of(Map.of("ZONELAKE_RAW_BACKEND", "s3"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_RAW_BACKEND");
        assertThatThrownBy(() -> RawZoneConfig.from(ConfigSource.of(Map.of("ZONELAKE_RAW_BACKEND", "swift"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_RAW_SWIFT_AUTH_URL");
    }
}
