package org.zonelake.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.error.LakeException;

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
}
