package org.zonelake.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class PropertyValuesTest {
    @Test
    void storesIntegersAsLongsAndFractionsAsDoubles() {
        Map<String, Object> stored = PropertyValues.stored("node n", Map.of("i", 3, "s", (short) 4, "f", 0.5f, "d", new BigDecimal("1.25"),
                "big", BigInteger.valueOf(7), "text", "x", "flag", false));

        assertThat(stored).isEqualTo(Map.of("i", 3L, "s", 4L, "f", 0.5, "d", 1.25, "big", 7L, "text", "x", "flag", false));
    }

    @Test
    void makesListsOfNumbersHomogeneous() {
        assertThat(PropertyValues.stored("node n", Map.of("l", List.of(1, 2L)))).isEqualTo(Map.of("l", List.of(1L, 2L)));
        assertThat(PropertyValues.stored("node n", Map.of("l", List.of(1, 2.5)))).isEqualTo(Map.of("l", List.of(1.0, 2.5)));
        assertThat(PropertyValues.stored("node n", Map.of("l", List.of()))).isEqualTo(Map.of("l", List.of()));
    }

    @Test
    void leavesNullValuesOut() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("gone", null);
        properties.put("kept", "x");

        assertThat(PropertyValues.stored("node n", properties)).isEqualTo(Map.of("kept", "x"));
    }

    @Test
    void rejectsWhatNeo4jCannotStoreAsGiven() {
        List<Map<String, Object>> rejected = List.of(
                Map.of("nested", Map.of("a", 1)),
                Map.of("when", Instant.EPOCH),
                Map.of("huge", BigInteger.TWO.pow(70)),
                Map.of("mixed", List.of("a", 1)),
                Map.of("deep", List.of(List.of(1))),
                Map.of("holes", Arrays.asList(1, null)),
                Map.of("zl_run_id", "forged"),
                Map.of(" ", "blank"));

        for (Map<String, Object> properties : rejected) {
            assertThatThrownBy(() -> PropertyValues.stored("node n", properties))
                    .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DATA))
                    .hasMessageContaining("node n");
        }
    }
}
