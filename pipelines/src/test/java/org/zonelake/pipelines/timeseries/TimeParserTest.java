package org.zonelake.pipelines.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeParserTest {
    @Test
    void readsIsoWithOffsetsZonesSpacesAndDatesAlone() {
        TimeParser iso = TimeParser.of("iso");

        assertThat(iso.parse("2024-05-01T10:00:00Z")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(iso.parse("2024-05-01T12:00:00.5+02:00")).isEqualTo(Instant.parse("2024-05-01T10:00:00.5Z"));
        assertThat(iso.parse("2024-05-01T12:00:00+02:00[Europe/Berlin]")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(iso.parse("2024-05-01 10:00:00")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(iso.parse("2024-05-01")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void readsEpochNumbersAndNumericTextInTheNamedUnit() {
        assertThat(TimeParser.of("epoch_s").parse(1714557600L)).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(TimeParser.of("epoch_s").parse(1714557600.25)).isEqualTo(Instant.parse("2024-05-01T10:00:00.25Z"));
        assertThat(TimeParser.of("epoch_ms").parse("1714557600123")).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
        assertThat(TimeParser.of("epoch_us").parse(new BigDecimal("1714557600123456"))).isEqualTo(Instant.parse("2024-05-01T10:00:00.123456Z"));
        assertThat(TimeParser.of("epoch_ns").parse(1714557600123456789L)).isEqualTo(Instant.parse("2024-05-01T10:00:00.123456789Z"));
    }

    @Test
    void tellsTheEpochUnitByMagnitudeInAutoMode() {
        TimeParser auto = TimeParser.of(TimeParser.AUTO);

        assertThat(auto.parse(1714557600L)).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(auto.parse(1714557600123L)).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
        assertThat(auto.parse("1714557600123456")).isEqualTo(Instant.parse("2024-05-01T10:00:00.123456Z"));
        assertThat(auto.parse(1714557600123456789L)).isEqualTo(Instant.parse("2024-05-01T10:00:00.123456789Z"));
        assertThat(auto.parse("2024-05-01T10:00:00Z")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void readsPatternsAsUtcUnlessTheyCarryAnOffset() {
        assertThat(TimeParser.of("dd.MM.yyyy HH:mm").parse("01.05.2024 10:00")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(TimeParser.of("yyyy/MM/dd").parse("2024/05/01")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(TimeParser.of("yyyy-MM-dd HH:mm XXX").parse("2024-05-01 12:00 +02:00")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void saysWhyATimeCannotBeRead() {
        assertThatThrownBy(() -> TimeParser.of("iso").parse(1714557600L))
                .hasMessage("has time 1714557600, a number, but the time format is iso (ISO-8601 text)");
        assertThatThrownBy(() -> TimeParser.of("epoch_ms").parse("soon")).hasMessage("has time 'soon', which is not a number of epoch milliseconds");
        assertThatThrownBy(() -> TimeParser.of("dd.MM.yyyy").parse("2024-05-01"))
                .hasMessage("has time '2024-05-01', which does not match the pattern 'dd.MM.yyyy'");
        assertThatThrownBy(() -> TimeParser.of("epoch_ns").parse(true)).hasMessage("has time true, which is neither text nor a number");
        assertThatThrownBy(() -> TimeParser.of("epoch_s").parse("1e30")).hasMessageContaining("too far from 1970");
        assertThatThrownBy(() -> TimeParser.of("{bad")).isInstanceOf(IllegalArgumentException.class);
    }
}
