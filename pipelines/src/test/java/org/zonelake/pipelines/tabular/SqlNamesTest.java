package org.zonelake.pipelines.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zonelake.core.gold.sql.Column;

class SqlNamesTest {
    @Test
    void lowerCasesAndReplacesEveryRunOfOtherCharactersWithOneUnderscore() {
        assertThat(SqlNames.columnNames(List.of("Unit Price (€)", "Température", "e-mail", "  id  ")))
                .containsExactly("unit_price", "temperature", "e_mail", "id");
    }

    @Test
    void prefixesALeadingDigitAndNamesEmptyHeadersByPosition() {
        assertThat(SqlNames.columnNames(List.of("1st value", "", "%%"))).containsExactly("_1st_value", "column_2", "column_3");
    }

    @Test
    void deduplicatesNamesAndKeepsTheProvenanceColumnsFree() {
        assertThat(SqlNames.columnNames(List.of("Name", "name", "NAME", "zl_object_id", "zl_run_id")))
                .containsExactly("name", "name_2", "name_3", "zl_object_id_2", "zl_run_id_2");
    }

    @Test
    void shortensNamesTo63CharactersEvenWhenDeduplicated() {
        String longName = "a".repeat(100);

        List<String> names = SqlNames.columnNames(List.of(longName, longName));

        assertThat(names).allSatisfy(name -> assertThat(name).matches(Column.NAME));
        assertThat(names.get(0)).hasSize(63);
        assertThat(names.get(1)).hasSize(63).endsWith("_2");
    }

    @Test
    void namesAnObjectsTableAfterItsFileAndId() {
        assertThat(SqlNames.objectTable("sensors.csv", 42)).isEqualTo("sensors_csv_42");
        assertThat(SqlNames.objectTable("data/2024 Readings.CSV", 7)).isEqualTo("_2024_readings_csv_7");
        assertThat(SqlNames.objectTable("shop.sql", 42, "Orders")).isEqualTo("shop_sql_orders_42");
    }

    @Test
    void keepsTableNamesShortEnoughForTheirQuarantineTable() {
        String table = SqlNames.objectTable("x".repeat(80) + ".csv", 123456);
        String dumpTable = SqlNames.objectTable("d".repeat(80) + ".sql", 123456, "t".repeat(80));

        assertThat(table).hasSize(SqlNames.MAX_TABLE_LENGTH).endsWith("_123456");
        assertThat(dumpTable).hasSize(SqlNames.MAX_TABLE_LENGTH).contains("_ttttt").endsWith("_123456");
        assertThat(SqlNames.quarantineTable(table)).matches(Column.NAME);
    }

    @Test
    void sanitisesTheSharedTableATemplateNames() {
        assertThat(SqlNames.sharedTable("City Stats")).isEqualTo("city_stats");
    }
}
