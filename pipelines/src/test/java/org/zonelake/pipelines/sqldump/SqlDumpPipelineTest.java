package org.zonelake.pipelines.sqldump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.TestStepContext;
import org.zonelake.pipelines.tabular.InMemorySqlStore;

class SqlDumpPipelineTest {
    private static final String PROJECT = "dump-project";

    @TempDir
    Path work;

    private final InMemorySqlStore store = new InMemorySqlStore();
    private final SqlDumpPipeline pipeline = new SqlDumpPipeline(store);

    @Test
    void isNamedSqlDumpWithOneLoadStep() {
        assertThat(pipeline.name()).isEqualTo("sql-dump");
        assertThat(pipeline.stepNames()).containsExactly("load");
    }

    @Test
    void loadsTheTablesOfAMysqldumpWithTheirDeclaredTypes() throws Exception {
        TestStepContext context = context(42, "shop_mysqldump.sql");

        StepResult result = load(context);

        assertThat(result).isEqualTo(StepResult.succeeded("6 rows into 2 tables: shop_mysqldump_sql_customers_42 (3), shop_mysqldump_sql_orders_42 (3)"));
        assertThat(store.tableNames(PROJECT)).containsExactly("shop_mysqldump_sql_customers_42", "shop_mysqldump_sql_orders_42");
        assertThat(store.columns(PROJECT, "shop_mysqldump_sql_customers_42")).containsExactly(
                new Column("id", ColumnType.INTEGER), new Column("name", ColumnType.TEXT), new Column("email", ColumnType.TEXT),
                new Column("vip", ColumnType.INTEGER), new Column("created_at", ColumnType.TIMESTAMP));
        assertThat(store.rows(PROJECT, "shop_mysqldump_sql_customers_42")).containsExactly(
                row(1L, "Alice O'Brien", "alice@example.com", 1L, Instant.parse("2024-03-01T10:15:00Z")),
                row(2L, "Bob; the builder", "bob@example.com", 0L, Instant.parse("2024-03-02T08:00:00Z")),
                row(3L, "Carol \"C\"\nSmith", null, 0L, Instant.parse("2024-03-03T12:30:45Z")));
        assertThat(store.columns(PROJECT, "shop_mysqldump_sql_orders_42")).containsExactly(
                new Column("id", ColumnType.INTEGER), new Column("customer_id", ColumnType.INTEGER), new Column("amount", ColumnType.DECIMAL, 2),
                new Column("shipped_on", ColumnType.DATE), new Column("weight_kg", ColumnType.DOUBLE), new Column("status", ColumnType.TEXT));
        assertThat(store.rows(PROJECT, "shop_mysqldump_sql_orders_42")).containsExactly(
                row(10L, 1L, new BigDecimal("19.99"), LocalDate.of(2024, 3, 5), 1.5, "shipped"),
                row(11L, 2L, new BigDecimal("5.00"), null, 0.25, "new"),
                row(12L, 1L, new BigDecimal("120.50"), null, 20.0, "new"));
    }

    @Test
    void logsTheStatementsItSkipsAndExecutesNone() throws Exception {
        TestStepContext context = context(42, "shop_mysqldump.sql");

        load(context);

        assertThat(context.logLines()).contains(
                "Line 12: skipped SET statement",
                "Line 18: skipped DROP TABLE statement",
                "Line 36: skipped LOCK statement",
                "Line 65: skipped CREATE PROCEDURE statement",
                "Skipped 8 statements: CREATE PROCEDURE 1, DROP TABLE 2, LOCK 2, SET 1, UNLOCK 2");
    }

    @Test
    void infersTypesFromValuesForTablesWithoutCreateTableAndSpoolsInterleavedInserts() throws Exception {
        StepResult result = load(context(7, "inserts_only.sql"));

        assertThat(result.isSuccess()).as(result.reason()).isTrue();
        assertThat(store.columns(PROJECT, "inserts_only_sql_readings_7")).containsExactly(
                new Column("sensor", ColumnType.TEXT), new Column("at", ColumnType.TIMESTAMP),
                new Column("value", ColumnType.DECIMAL, 2), new Column("note", ColumnType.TEXT));
        assertThat(store.rows(PROJECT, "inserts_only_sql_readings_7")).containsExactly(
                row("a", Instant.parse("2024-03-01T10:00:00Z"), new BigDecimal("1.50"), null),
                row("b", Instant.parse("2024-03-01T10:05:00Z"), new BigDecimal("2.00"), null),
                row("a", Instant.parse("2024-03-01T10:10:00Z"), new BigDecimal("-0.25"), "late"));
        assertThat(store.columns(PROJECT, "inserts_only_sql_sensors_7")).containsExactly(
                new Column("column_1", ColumnType.INTEGER), new Column("column_2", ColumnType.TEXT), new Column("column_3", ColumnType.BOOLEAN));
        assertThat(store.rows(PROJECT, "inserts_only_sql_sensors_7")).containsExactly(row(1L, "a", true), row(2L, "b", false));
    }

    @Test
    void readsAPostgresDumpWithStandardStringsAndNumericWithoutScale() throws Exception {
        StepResult result = load(context(8, "pg_inserts.sql"));

        assertThat(result).isEqualTo(StepResult.succeeded("2 rows into 1 table: pg_inserts_sql_paths_8 (2)"));
        assertThat(store.columns(PROJECT, "pg_inserts_sql_paths_8")).containsExactly(
                new Column("id", ColumnType.INTEGER), new Column("path", ColumnType.TEXT), new Column("ratio", ColumnType.DECIMAL, 3));
        assertThat(store.rows(PROJECT, "pg_inserts_sql_paths_8")).containsExactly(
                row(1L, "C:\\temp\\", new BigDecimal("0.500")), row(2L, "it's", new BigDecimal("0.125")));
    }

    @Test
    void failsWithTheLineAndTheParserMessageOnAStatementThatDoesNotParseAndWritesNothing() throws Exception {
        StepResult result = load(context(9, "broken.sql"));

        assertThat(result.outcome()).isEqualTo(StepResult.Outcome.FAILED);
        assertThat(result.reason()).isEqualTo("Line 4: cannot parse the statement at line 4, column 24: Encountered unexpected token \",\" (expected \")\")");
        assertThat(store.writes()).isZero();
    }

    @Test
    void failsOnAValueThatDoesNotFitItsDeclaredColumn() throws Exception {
        assertThat(load(context(10, "bad_value.sql")))
                .isEqualTo(StepResult.failed("Line 3: table t column id (INTEGER): 'abc' is not a number"));
        assertThat(store.writes()).isZero();
    }

    @Test
    void failsOnAValueThatIsNotALiteral() throws Exception {
        assertThat(load(context(11, "not_literal.sql")))
                .isEqualTo(StepResult.failed("Line 2: INSERT INTO t has a value that is not a literal: NOW()"));
        assertThat(store.writes()).isZero();
    }

    @Test
    void failsOnAStringThatIsNeverClosed() throws Exception {
        assertThat(load(context(12, "unclosed.sql")))
                .isEqualTo(StepResult.failed("Line 1: a quoted string starting on line 2 is never closed"));
    }

    @Test
    void failsOnADumpWithoutData() throws Exception {
        assertThat(load(context(13, "no_data.sql")))
                .isEqualTo(StepResult.failed("The dump has no CREATE TABLE or INSERT statement: nothing to load"));
    }

    @Test
    void failsOnBinaryBytes() throws Exception {
        assertThat(load(context(14, "binary.sql")))
                .isEqualTo(StepResult.failed("The file is binary (a zero byte at offset 3), not an SQL dump"));
    }

    @Test
    void failsOnPostgresCopyDataWithAHint() throws Exception {
        assertThat(load(context(15, "copy_from_stdin.sql"))).isEqualTo(StepResult.failed(
                "Line 1: COPY ... FROM stdin data is not supported; dump with INSERT statements (pg_dump --inserts)"));
    }

    @Test
    void reloadingReplacesTheTablesAndLeavesNoSpoolFiles() throws Exception {
        TestStepContext context = context(42, "shop_mysqldump.sql");

        load(context);
        load(context);

        assertThat(store.rows(PROJECT, "shop_mysqldump_sql_orders_42")).hasSize(3);
        try (Stream<Path> files = Files.walk(context.workDirectory())) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aCancelledLoadWritesNothing() throws Exception {
        TestStepContext context = context(42, "shop_mysqldump.sql");
        context.requestCancel();

        assertThatThrownBy(() -> load(context)).isInstanceOf(CancellationException.class);
        assertThat(store.writes()).isZero();
    }

    private StepResult load(TestStepContext context) throws Exception {
        return pipeline.steps().get(0).run(context);
    }

    private TestStepContext context(long objectId, String resource) throws IOException, URISyntaxException {
        Path content = Path.of(getClass().getResource("/sqldump/" + resource).toURI());
        return TestStepContext.of(PROJECT, objectId, resource, "application/sql", null, Map.of(), content, work.resolve("run-" + objectId));
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
