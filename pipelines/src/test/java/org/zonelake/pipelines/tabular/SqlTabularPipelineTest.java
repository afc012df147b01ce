package org.zonelake.pipelines.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.core.metadata.ColumnProfile;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TableProfile;
import org.zonelake.core.metadata.TemplateProcessing;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.TestStepContext;

class SqlTabularPipelineTest {
    static final String PROJECT = "tabular-project";
    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    @TempDir
    Path work;

    private final InMemorySqlStore store = new InMemorySqlStore();
    private final InMemoryProfileRepository profiles = new InMemoryProfileRepository();
    private final InMemoryTemplateRepository templates = new InMemoryTemplateRepository();
    private SqlTabularPipeline pipeline = pipeline(TabularConfig.defaults());

    @Test
    void isNamedSqlTabularWithALoadAndAProfileStep() {
        assertThat(pipeline.name()).isEqualTo("sql-tabular");
        assertThat(pipeline.stepNames()).containsExactly("load", "profile");
    }

    @Test
    void loadsACsvWithHeaderIntoTypedColumns() throws Exception {
        StepResult result = load(context(42, "sensors.csv", "text/csv"));

        assertThat(result).isEqualTo(StepResult.succeeded("5 rows into table sensors_csv_42"));
        assertThat(store.tableNames(PROJECT)).containsExactly("sensors_csv_42");
        assertThat(store.columns(PROJECT, "sensors_csv_42")).containsExactly(
                new Column("id", ColumnType.INTEGER), new Column("station", ColumnType.TEXT), new Column("day", ColumnType.DATE),
                new Column("measured_at", ColumnType.TIMESTAMP), new Column("temperature", ColumnType.DECIMAL, 2),
                new Column("pressure", ColumnType.DOUBLE), new Column("active", ColumnType.BOOLEAN), new Column("note", ColumnType.TEXT));
        assertThat(store.rows(PROJECT, "sensors_csv_42")).containsExactly(
                row(1L, "Alpha", date("2024-03-01"), Instant.parse("2024-03-01T10:15:00Z"), new BigDecimal("21.50"), 101320.0, true, "first reading"),
                row(2L, "Beta", date("2024-03-01"), Instant.parse("2024-03-01T11:00:00Z"), new BigDecimal("19.25"), 99800.0, false, "windy, cold"),
                row(3L, "Gamma", date("2024-03-02"), Instant.parse("2024-03-02T07:30:00Z"), new BigDecimal("-3.00"), 101000.0, true, null),
                row(4L, "Alpha", date("2024-03-02"), Instant.parse("2024-03-02T09:00:00.250Z"), new BigDecimal("22.00"), 101250.0, false, "said \"hello\""),
                row(5L, "Delta", date("2024-03-03"), Instant.parse("2024-03-03T12:00:00Z"), null, 102000.0, true, "last"));
    }

    @Test
    void profilesTheLoadedRows() throws Exception {
        TestStepContext context = context(42, "sensors.csv", "text/csv");
        load(context);

        StepResult result = step("profile").run(context);

        assertThat(result).isEqualTo(StepResult.succeeded("profiled 5 rows of table sensors_csv_42"));
        TableProfile profile = profiles.forObject(PROJECT, 42).get(0);
        assertThat(profile).extracting(TableProfile::table, TableProfile::rowCount, TableProfile::quarantinedRows, TableProfile::runId, TableProfile::profiledAt)
                .containsExactly("sensors_csv_42", 5L, 0L, "42-test", NOW);
        assertThat(profile.columns()).extracting(ColumnProfile::name).containsExactly(
                "id", "station", "day", "measured_at", "temperature", "pressure", "active", "note");
        assertThat(column(profile, "id")).isEqualTo(new ColumnProfile("id", "INTEGER", 0, "1", "5", 5));
        assertThat(column(profile, "station")).isEqualTo(new ColumnProfile("station", "TEXT", 0, "Alpha", "Gamma", 4));
        assertThat(column(profile, "day")).isEqualTo(new ColumnProfile("day", "DATE", 0, "2024-03-01", "2024-03-03", 3));
        assertThat(column(profile, "measured_at"))
                .isEqualTo(new ColumnProfile("measured_at", "TIMESTAMP", 0, "2024-03-01T10:15:00Z", "2024-03-03T12:00:00Z", 5));
        assertThat(column(profile, "temperature")).isEqualTo(new ColumnProfile("temperature", "DECIMAL", 1, "-3.00", "22.00", 4));
        assertThat(column(profile, "active")).isEqualTo(new ColumnProfile("active", "BOOLEAN", 0, "false", "true", 2));
        assertThat(column(profile, "note").nulls()).isEqualTo(1);
    }

    @Test
    void readsASemicolonFileWithoutHeaderAndDayFirstDates() throws Exception {
        StepResult result = load(context(7, "readings_semicolon.csv", "text/csv"));

        assertThat(result.isSuccess()).as(result.reason()).isTrue();
        assertThat(store.columns(PROJECT, "readings_semicolon_csv_7")).containsExactly(
                new Column("column_1", ColumnType.DATE), new Column("column_2", ColumnType.TEXT),
                new Column("column_3", ColumnType.DECIMAL, 3), new Column("column_4", ColumnType.INTEGER));
        assertThat(store.rows(PROJECT, "readings_semicolon_csv_7")).containsExactly(
                row(date("2024-03-01"), "sensor-a", new BigDecimal("12.500"), 7L),
                row(date("2024-03-02"), "sensor-b", new BigDecimal("13.750"), 8L),
                row(date("2024-03-15"), "sensor-a", new BigDecimal("9.000"), -2L),
                row(date("2024-12-31"), "sensor-c", new BigDecimal("10.125"), 0L));
    }

    @Test
    void readsATabSeparatedFile() throws Exception {
        StepResult result = load(context(8, "cities.tsv", "text/tab-separated-values"));

        assertThat(result).isEqualTo(StepResult.succeeded("3 rows into table cities_tsv_8"));
        assertThat(store.columns(PROJECT, "cities_tsv_8")).containsExactly(
                new Column("city", ColumnType.TEXT), new Column("country", ColumnType.TEXT),
                new Column("population", ColumnType.INTEGER), new Column("area_km2", ColumnType.DECIMAL, 2));
        assertThat(store.rows(PROJECT, "cities_tsv_8")).first().isEqualTo(row("Berlin", "DE", 3755251L, new BigDecimal("891.12")));
    }

    @Test
    void quarantinesRowsThatDoNotFitWithTheirLineAndReason() throws Exception {
        pipeline = pipeline(new TabularConfig(0.5, 5));
        TestStepContext context = context(9, "orders.csv", "text/csv");

        StepResult result = load(context);

        assertThat(result).isEqualTo(StepResult.succeeded("7 rows into table orders_csv_9; 5 rows quarantined into orders_csv_9_quarantine"));
        assertThat(store.columns(PROJECT, "orders_csv_9")).extracting(Column::type)
                .containsExactly(ColumnType.INTEGER, ColumnType.TEXT, ColumnType.DECIMAL, ColumnType.DATE);
        assertThat(store.rows(PROJECT, "orders_csv_9")).extracting(row -> row.get(0)).containsExactly(1L, 2L, 3L, 4L, 5L, 9L, 11L);
        assertThat(store.columns(PROJECT, "orders_csv_9_quarantine")).containsExactly(
                new Column("line", ColumnType.INTEGER), new Column("reason", ColumnType.TEXT), new Column("record", ColumnType.TEXT));
        assertThat(store.rows(PROJECT, "orders_csv_9_quarantine")).containsExactly(
                row(7L, "3 fields, the header has 4", "6,frank,8.40"),
                row(8L, "5 fields, the header has 4", "7,grace,21.30,2024-03-05,extra"),
                row(9L, "column amount: 'abc' is not a decimal number", "8,heidi,abc,2024-03-06"),
                row(11L, "a quoted field is not closed on its line", "10,judy,\"unclosed,2024-03-08"),
                row(13L, "column ordered_on: 'not a date' is not a date (yyyy-MM-dd)", "12,oscar,2.20,not a date"));
        assertThat(step("profile").run(context).isSuccess()).isTrue();
        assertThat(profiles.forObject(PROJECT, 9)).singleElement()
                .extracting(TableProfile::rowCount, TableProfile::quarantinedRows).containsExactly(7L, 5L);
    }

    @Test
    void infersOnTheWholeSampleSoOddValuesInItMakeTextColumns() throws Exception {
        StepResult result = load(context(9, "orders.csv", "text/csv"));

        assertThat(result).isEqualTo(StepResult.succeeded("9 rows into table orders_csv_9; 3 rows quarantined into orders_csv_9_quarantine"));
        assertThat(store.columns(PROJECT, "orders_csv_9")).extracting(Column::type)
                .containsExactly(ColumnType.INTEGER, ColumnType.TEXT, ColumnType.TEXT, ColumnType.TEXT);
    }

    @Test
    void failsWithoutWritingAnythingWhenMoreThanTheAllowedShareOfRowsIsBad() throws Exception {
        StepResult result = load(context(10, "mostly_bad.csv", "text/csv"));

        assertThat(result).isEqualTo(StepResult.failed("3 of 5 rows (60%) do not fit the columns, more than the 50% allowed; nothing was loaded. "
                + "First bad rows: Line 3: 2 fields, the header has 3; Line 4: 4 fields, the header has 3; Line 5: 2 fields, the header has 3"));
        assertThat(store.tableNames(PROJECT)).isEmpty();
    }

    @Test
    void failsOnBinaryBytesNamedCsv() throws Exception {
        StepResult result = load(context(11, "garbage.csv", "text/csv"));

        assertThat(result).isEqualTo(StepResult.failed("The file is binary (a zero byte at offset 8), not a CSV or TSV table"));
        assertThat(store.writes()).isZero();
    }

    @Test
    void failsOnAnEmptyFile() throws Exception {
        assertThat(load(context(12, "empty.csv", "text/csv"))).isEqualTo(StepResult.failed("The file is empty"));
        assertThat(store.writes()).isZero();
    }

    @Test
    void failsOnAHeaderWithoutRows() throws Exception {
        assertThat(load(context(13, "header_only.csv", "text/csv"))).isEqualTo(StepResult.failed("The file has no data rows: nothing to load"));
        assertThat(store.writes()).isZero();
    }

    @Test
    void failsOnAnObjectTypedParquetThatIsNot() throws Exception {
        StepResult result = load(context(14, "sensors.csv", "application/x-parquet"));

        assertThat(result).isEqualTo(StepResult.failed("The object is typed application/x-parquet but does not start with PAR1: not a Parquet file"));
        assertThat(store.writes()).isZero();
    }

    @Test
    void reloadingReplacesTheObjectsTable() throws Exception {
        TestStepContext context = context(42, "sensors.csv", "text/csv");

        load(context);
        load(context);

        assertThat(store.writes()).isEqualTo(2);
        assertThat(store.rows(PROJECT, "sensors_csv_42")).hasSize(5);
    }

    @Test
    void appendsToTheSharedTableTheTemplateNamesReplacingTheObjectsEarlierRows() throws Exception {
        templates.create(new MetadataTemplate(PROJECT, "cities", "Cities", "", List.of(), List.of(), true, true, true, NOW, NOW,
                new TemplateProcessing(null, "City Stats")));
        TestStepContext first = context(20, "cities.tsv", "text/tab-separated-values", "cities");
        TestStepContext second = context(21, "cities.tsv", "text/tab-separated-values", "cities");

        load(first);
        load(second);
        StepResult again = load(first);

        assertThat(again).isEqualTo(StepResult.succeeded("3 rows into table city_stats"));
        assertThat(store.tableNames(PROJECT)).containsExactly("city_stats");
        assertThat(store.table(PROJECT, "city_stats").orElseThrow().sourceObjectIds()).containsExactly(20L, 21L);
        assertThat(store.rows(PROJECT, "city_stats")).hasSize(6);
        assertThat(step("profile").run(second).isSuccess()).isTrue();
        assertThat(profiles.forTable(PROJECT, "city_stats")).extracting(TableProfile::objectId).containsExactly(21L);
    }

    @Test
    void aCancelledLoadWritesNothing() throws Exception {
        TestStepContext context = context(42, "sensors.csv", "text/csv");
        context.requestCancel();

        assertThatThrownBy(() -> load(context)).isInstanceOf(CancellationException.class);
        assertThat(store.tableNames(PROJECT)).isEmpty();
    }

    private SqlTabularPipeline pipeline(TabularConfig config) {
        return new SqlTabularPipeline(TestSpark.SPARK, store, profiles, templates, config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private StepResult load(TestStepContext context) throws Exception {
        return step("load").run(context);
    }

    private PipelineStep step(String name) {
        return pipeline.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private TestStepContext context(long objectId, String resource, String contentType) throws IOException, URISyntaxException {
        return context(objectId, resource, contentType, null);
    }

    private TestStepContext context(long objectId, String resource, String contentType, String template) throws IOException, URISyntaxException {
        return TestStepContext.of(PROJECT, objectId, resource, contentType, template, Map.of(), resource(resource), work.resolve("run-" + objectId));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(SqlTabularPipelineTest.class.getResource("/tabular/" + name).toURI());
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static ColumnProfile column(TableProfile profile, String name) {
        return profile.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
