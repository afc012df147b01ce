package org.zonelake.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.timeseries.Point;

class PointRulesTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void dropsEmptyTagValuesAndWidensSmallNumbers() {
        Point checked = PointRules.checked(new Point("m", Map.of("site", "a", "room", ""), Map.of("n", 3, "f", 1.5f, "b", (byte) 2), T0));

        assertThat(checked.tags()).isEqualTo(Map.of("site", "a"));
        assertThat(checked.fields()).isEqualTo(Map.of("n", 3L, "f", 1.5, "b", 2L));
    }

    @Test
    void refusesReservedKeysControlCharactersAndOtherValueTypes() {
        assertCode(new Point("m", Map.of("zl_x", "a"), Map.of("v", 1.0), T0), ErrorCode.INVALID_NAME);
        assertCode(new Point("m", Map.of(), Map.of("time", 1.0), T0), ErrorCode.INVALID_NAME);
        assertCode(new Point("m\n2", Map.of(), Map.of("v", 1.0), T0), ErrorCode.INVALID_NAME);
        assertCode(new Point("m", Map.of("site", "a\tb"), Map.of("v", 1.0), T0), ErrorCode.INVALID_REQUEST);
        assertCode(new Point("m", Map.of(), Map.of("v", Double.POSITIVE_INFINITY), T0), ErrorCode.INVALID_REQUEST);
        assertCode(new Point("m", Map.of(), Map.of("v", BigDecimal.ONE), T0), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void refusesProjectNamesTheLakeWouldNotCreate() {
        assertThat(PointRules.requireProject("demo-1_a")).isEqualTo("demo-1_a");
        assertThatThrownBy(() -> PointRules.requireProject("Demo")).isInstanceOf(LakeException.class)
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_NAME);
    }

    private static void assertCode(Point point, ErrorCode code) {
        assertThatThrownBy(() -> PointRules.checked(point)).isInstanceOf(LakeException.class)
                .extracting(e -> ((LakeException) e).code()).isEqualTo(code);
    }
}
