package org.zonelake.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.questdb.cairo.TableUtils;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class QuestDbNamesTest {
    @Test
    void keepsLowerCaseLettersAndDigitsAndEscapesEverythingElse() {
        assertThat(QuestDbNames.table("demo-1", "Air temp")).isEqualTo("zl_demo_2d1___41ir_20temp");
        assertThat(QuestDbNames.table("p", "cpu_load")).isEqualTo("zl_p__cpu_5fload");
        assertThat(QuestDbNames.table("p", "°C")).isEqualTo("zl_p___c2_b0_43");
    }

    @Test
    void readsTheMeasurementBackFromItsTable() {
        for (String measurement : List.of("weather", "Air temp, °C=x", "_leading", "a__b", "x_5f", "日本")) {
            String table = QuestDbNames.table("my_project-1", measurement);

            assertThat(QuestDbNames.measurement("my_project-1", table)).contains(measurement);
            assertThat(TableUtils.isValidTableName(table, QuestDbNames.MAX_LENGTH)).as(table).isTrue();
        }
    }

    @Test
    void neverTakesAnotherProjectsTableForOneOfItsOwn() {
        String table = QuestDbNames.table("a_", "weather");

        assertThat(QuestDbNames.measurement("a", table)).isEmpty();
        assertThat(QuestDbNames.measurement("a", QuestDbNames.table("a-b", "weather"))).isEmpty();
        assertThat(QuestDbNames.measurement("a", "zl_a__not_valid")).isEmpty();
        assertThat(QuestDbNames.measurement("a", "telemetry")).isEmpty();
    }

    @Test
    void givesDistinctMeasurementsDistinctTablesDespiteCaseInsensitiveNames() {
        assertThat(QuestDbNames.table("p", "Temp")).isNotEqualToIgnoringCase(QuestDbNames.table("p", "temp"));
    }

    @Test
    void refusesAMeasurementWhoseTableNameWouldBeTooLong() {
        assertThatThrownBy(() -> QuestDbNames.table("p", "é".repeat(30))).isInstanceOf(LakeException.class)
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_NAME);
    }

    @Test
    void refusesColumnNamesQuestDbCannotHold() {
        QuestDbNames.requireColumnName("m", "tag", "room name");
        for (String bad : List.of("a.b", "a-b", "a/b", "(x)")) {
            assertThatThrownBy(() -> QuestDbNames.requireColumnName("m", "tag", bad)).isInstanceOf(LakeException.class)
                    .hasMessageContaining(bad).extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_NAME);
        }
    }

    @Test
    void quotesIdentifiersAndLiterals() {
        assertThat(QuestDbNames.quoted("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(QuestDbNames.literal("it's")).isEqualTo("'it''s'");
    }
}
