package org.zonelake.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InfluxQlTest {
    @Test
    void escapesQuotesAndBackslashesInIdentifiersAndLiterals() {
        assertThat(InfluxQl.identifier("Air \"temp\" \\ x")).isEqualTo("\"Air \\\"temp\\\" \\\\ x\"");
        assertThat(InfluxQl.literal("it's a\\b")).isEqualTo("'it\\'s a\\\\b'");
    }

    @Test
    void writesDurationsInTheLargestExactUnit() {
        assertThat(InfluxQl.duration(Duration.ofDays(14))).isEqualTo("2w");
        assertThat(InfluxQl.duration(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(InfluxQl.duration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(InfluxQl.duration(Duration.ofNanos(7))).isEqualTo("7ns");
    }

    @Test
    void writesTimesAsEpochNanoseconds() {
        assertThat(InfluxQl.nanos(Instant.parse("1970-01-01T00:00:01.000000002Z"))).isEqualTo(1_000_000_002L);
    }
}
