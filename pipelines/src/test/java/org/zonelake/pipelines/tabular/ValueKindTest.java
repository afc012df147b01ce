package org.zonelake.pipelines.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValueKindTest {
    @Test
    void infersTheNarrowestKindEveryValueFits() {
        assertThat(kindOf("1", "-20", "+3")).isEqualTo(ValueKind.INTEGER);
        assertThat(kindOf("1", "2.5", "-0.125")).isEqualTo(ValueKind.DECIMAL);
        assertThat(kindOf("1.5", "2e3")).isEqualTo(ValueKind.DOUBLE);
        assertThat(kindOf("true", "FALSE")).isEqualTo(ValueKind.BOOLEAN);
        assertThat(kindOf("2024-03-01", "2024-12-31")).isEqualTo(ValueKind.DATE);
        assertThat(kindOf("01/03/2024", "31/12/2024")).isEqualTo(ValueKind.DATE_DMY);
        assertThat(kindOf("2024-03-01", "2024-03-01T10:00:00Z")).isEqualTo(ValueKind.TIMESTAMP);
        assertThat(kindOf("1", "abc")).isEqualTo(ValueKind.TEXT);
    }

    @Test
    void ignoresBlankValuesAndCallsAColumnOfBlanksText() {
        assertThat(kindOf("", " 12 ", "  ")).isEqualTo(ValueKind.INTEGER);
        assertThat(kindOf("", " ")).isEqualTo(ValueKind.TEXT);
    }

    @Test
    void keepsCodesWithLeadingZerosAsText() {
        assertThat(kindOf("007", "123")).isEqualTo(ValueKind.TEXT);
    }

    @Test
    void takesDayFirstDatesOnlyIfAllValuesAreDayFirst() {
        assertThat(kindOf("13/03/2024", "2024-03-01")).isEqualTo(ValueKind.TEXT);
        assertThat(kindOf("31/02/2024")).isEqualTo(ValueKind.TEXT);
    }

    @Test
    void givesADecimalColumnTheLargestScaleSeen() {
        KindStats stats = stats("1.5", "2.125", "3");

        assertThat(stats.kind()).isEqualTo(ValueKind.DECIMAL);
        assertThat(stats.scale()).isEqualTo(3);
        assertThat(ValueKind.DECIMAL.parse("3", 3)).isEqualTo(new BigDecimal("3.000"));
    }

    @Test
    void mergesStatsOfTwoPartitions() {
        assertThat(stats("1", "2").merge(stats("2.5")).kind()).isEqualTo(ValueKind.DECIMAL);
        assertThat(stats("1", "2").merge(stats("x")).kind()).isEqualTo(ValueKind.TEXT);
    }

    @Test
    void readsTimestampsWithOrWithoutZoneAsUtcInstants() {
        assertThat(ValueKind.TIMESTAMP.parse("2024-03-01T10:15:00Z", 0)).isEqualTo(Instant.parse("2024-03-01T10:15:00Z"));
        assertThat(ValueKind.TIMESTAMP.parse("2024-03-01 10:15", 0)).isEqualTo(Instant.parse("2024-03-01T10:15:00Z"));
        assertThat(ValueKind.TIMESTAMP.parse("2024-03-01T10:15:00.5+01:00", 0)).isEqualTo(Instant.parse("2024-03-01T09:15:00.5Z"));
        assertThat(ValueKind.TIMESTAMP.parse("2024-03-01T10:15:00-0230", 0)).isEqualTo(Instant.parse("2024-03-01T12:45:00Z"));
        assertThat(ValueKind.TIMESTAMP.parse("2024-03-01T10:15:00+01", 0)).isEqualTo(Instant.parse("2024-03-01T09:15:00Z"));
        assertThat(ValueKind.TIMESTAMP.parse("2024-03-01 10:15:00 UTC", 0)).isEqualTo(Instant.parse("2024-03-01T10:15:00Z"));
        assertThat(ValueKind.TIMESTAMP.parse("2024-03-01", 0)).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    }

    @Test
    void explainsWhyAValueDoesNotFit() {
        assertThatThrownBy(() -> ValueKind.INTEGER.parse("12a", 0)).hasMessage("'12a' is not an integer");
        assertThatThrownBy(() -> ValueKind.DECIMAL.parse("1.234", 2)).hasMessage("'1.234' has 3 decimal places, the column has 2");
        assertThatThrownBy(() -> ValueKind.DATE.parse("2024-02-30", 0)).hasMessage("'2024-02-30' is not a valid date");
        assertThatThrownBy(() -> ValueKind.INTEGER.parse("99999999999999999999", 0)).hasMessage("'99999999999999999999' is too large for an integer");
    }

    @Test
    void returnsJavaValuesOfTheGoldTypes() {
        assertThat(ValueKind.INTEGER.parse(" 42 ", 0)).isEqualTo(42L);
        assertThat(ValueKind.DOUBLE.parse("1.5E3", 0)).isEqualTo(1500.0);
        assertThat(ValueKind.BOOLEAN.parse("True", 0)).isEqualTo(true);
        assertThat(ValueKind.DATE_DMY.parse("1/3/2024", 0)).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(ValueKind.TEXT.parse(" kept as written ", 0)).isEqualTo(" kept as written ");
        assertThat(ValueKind.INTEGER.parse("  ", 0)).isNull();
    }

    private static ValueKind kindOf(String... values) {
        return stats(values).kind();
    }

    private static KindStats stats(String... values) {
        KindStats stats = new KindStats();
        for (String value : values) {
            stats.add(value);
        }
        return stats;
    }
}
