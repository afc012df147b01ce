package org.zonelake.ingest.processed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.TableSchema;
import org.zonelake.core.gold.sql.WriteMode;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.ColumnProfile;
import org.zonelake.core.metadata.TableProfile;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class TableRoutesTest {
    private static final String PROJECT = "tables";
    private static final String TABLES = "/api/v1/projects/" + PROJECT + "/tables";
    private static final TableSchema SAMPLES = new TableSchema("samples", List.of(new Column("site", ColumnType.TEXT),
            new Column("depth", ColumnType.DECIMAL, 2), new Column("taken", ColumnType.DATE), new Column("logged", ColumnType.TIMESTAMP),
            new Column("ok", ColumnType.BOOLEAN)));
    private static TestLake lake;
    private static String reader;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        lake.createProject(PROJECT);
        lake.createProject("elsewhere");
        reader = lake.tokenFor(PROJECT, ProjectRole.READER);
        SqlStore sql = lake.process().sql();
        sql.writeTable(new Provenance(PROJECT, 21, "21-sql-tabular"), SAMPLES, WriteMode.SHARED_TABLE, List.of(
                row("north, \"upper\" field", "1.50", "2024-05-01", "2024-05-01T10:00:00Z", true),
                row("south", "12.25", null, null, false)).iterator());
        sql.writeTable(new Provenance(PROJECT, 22, "22-sql-tabular"), SAMPLES, WriteMode.SHARED_TABLE,
                List.of(row("east", "3.00", "2024-05-02", "2024-05-02T08:30:00Z", null)).iterator());
        sql.writeTable(new Provenance(PROJECT, 23, "23-sql-tabular"), new TableSchema("object_23", List.of(new Column("n", ColumnType.INTEGER))),
                WriteMode.OWN_TABLE, numbers(250).iterator());
        lake.process().profiles().save(new TableProfile(PROJECT, 21, "21-sql-tabular", "samples", 2, 1,
                List.of(new ColumnProfile("depth", "decimal", 0, "1.50", "12.25", 2)), Instant.parse("2024-05-03T00:00:00Z")));
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    private static List<Object> row(String site, String depth, String taken, String logged, Boolean ok) {
        return Arrays.asList(site, new BigDecimal(depth), taken == null ? null : LocalDate.parse(taken),
                logged == null ? null : Instant.parse(logged), ok);
    }

    private static List<List<Object>> numbers(int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 1; i <= count; i++) {
            rows.add(List.of(i));
        }
        return rows;
    }

    @Test
    void listsTheTablesWithTheirSourcesAndColumns() {
        Response answer = lake.get(TABLES, reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode items = answer.json().path("items");
        assertThat(names(items)).containsExactly("object_23", "samples");
        JsonNode own = items.get(0);
        assertThat(own.path("source_object_id").asLong()).isEqualTo(23);
        assertThat(own.path("row_count").asLong()).isEqualTo(250);
        JsonNode samples = items.get(1);
        assertThat(samples.path("source_object_ids").toString()).isEqualTo("[21,22]");
        assertThat(samples.path("source_object_id").asLong()).isEqualTo(21);
        assertThat(samples.path("last_run_id").asText()).isEqualTo("22-sql-tabular");
        assertThat(samples.path("columns").findValuesAsText("name")).containsExactly("site", "depth", "taken", "logged", "ok",
                "zl_object_id", "zl_run_id");
        assertThat(samples.path("columns").get(1).path("type").asText()).isEqualTo("decimal");
        assertThat(samples.path("columns").get(1).path("scale").asInt()).isEqualTo(2);
        assertThat(answer.json().path("next_cursor").isNull()).isTrue();
    }

    @Test
    void pagesTheTablesByName() {
        Response first = lake.get(TABLES + "?limit=1", reader);
        Response second = lake.get(TABLES + "?limit=1&cursor=" + first.json().path("next_cursor").asText(), reader);

        assertThat(names(first.json().path("items"))).containsExactly("object_23");
        assertThat(names(second.json().path("items"))).containsExactly("samples");
        assertThat(second.json().path("next_cursor").isNull()).isTrue();
        assertThat(lake.get(TABLES + "?cursor=%25%25", reader).code()).isEqualTo("invalid_cursor");
    }

    @Test
    void showsATableWithItsProfiles() {
        Response answer = lake.get(TABLES + "/samples", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("row_count").asLong()).isEqualTo(3);
        JsonNode profile = answer.json().path("profiles").get(0);
        assertThat(profile.path("object_id").asLong()).isEqualTo(21);
        assertThat(profile.path("quarantined_rows").asLong()).isEqualTo(1);
        assertThat(profile.path("columns").get(0).path("max").asText()).isEqualTo("12.25");
        assertThat(profile.path("columns").get(0).path("distinct_estimate").asLong()).isEqualTo(2);
    }

    @Test
    void previewsRowsPageByPage() {
        Response first = lake.get(TABLES + "/object_23/rows?limit=100", reader);
        Response last = lake.get(TABLES + "/object_23/rows?offset=200&limit=100", reader);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("columns").findValuesAsText("name")).containsExactly("n", "zl_object_id", "zl_run_id");
        assertThat(first.json().path("rows")).hasSize(100);
        assertThat(first.json().path("rows").get(0).toString()).isEqualTo("[1,23,\"23-sql-tabular\"]");
        assertThat(first.json().path("next_offset").asLong()).isEqualTo(100);
        assertThat(last.json().path("rows")).hasSize(50);
        assertThat(last.json().path("next_offset").isNull()).isTrue();
    }

    @Test
    void previewShowsEveryColumnTypeAsJson() {
        JsonNode row = lake.get(TABLES + "/samples/rows", reader).json().path("rows").get(0);

        assertThat(row.get(0).asText()).isEqualTo("north, \"upper\" field");
        assertThat(row.get(1).decimalValue()).isEqualByComparingTo("1.50");
        assertThat(row.get(2).asText()).isEqualTo("2024-05-01");
        assertThat(row.get(3).asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(row.get(4).asBoolean()).isTrue();
    }

    @Test
    void badPreviewParametersAreRefused() {
        assertThat(lake.get(TABLES + "/samples/rows?limit=1001", reader).json().path("parameter").asText()).isEqualTo("limit");
        assertThat(lake.get(TABLES + "/samples/rows?offset=-1", reader).json().path("parameter").asText()).isEqualTo("offset");
        assertThat(lake.get(TABLES + "/samples/rows?page=2", reader).code()).isEqualTo("invalid_request");
    }

    @Test
    void exportsTheTableAsCsvWithAHeaderRow() throws IOException {
        Response answer = lake.get(TABLES + "/samples/export?format=csv", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(answer.header("Content-Disposition").orElseThrow()).startsWith("attachment").contains("samples.csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(answer.text())).getRecords();
        assertThat(rows.get(0).values()).containsExactly("site", "depth", "taken", "logged", "ok", "zl_object_id", "zl_run_id");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).values()).containsExactly("north, \"upper\" field", "1.50", "2024-05-01", "2024-05-01T10:00:00Z", "true", "21",
                "21-sql-tabular");
        assertThat(rows.get(2).values()).containsExactly("south", "12.25", "", "", "false", "21", "21-sql-tabular");
        assertThat(rows.get(3).get(0)).isEqualTo("east");
    }

    @Test
    void exportsTheTableAsParquet() throws IOException {
        Response answer = lake.get(TABLES + "/samples/export?format=parquet", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type").orElseThrow()).isEqualTo("application/vnd.apache.parquet");
        assertThat(answer.header("Content-Disposition").orElseThrow()).contains("samples.parquet");
        Path file = Files.createTempFile("samples-", ".parquet");
        try {
            Files.write(file, answer.body());
            try (ParquetFileReader parquet = ParquetFileReader.open(new LocalInputFile(file))) {
                assertThat(parquet.getRecordCount()).isEqualTo(3);
                assertThat(parquet.getFooter().getFileMetaData().getSchema().getFields()).extracting(Type::getName)
                        .containsExactly("site", "depth", "taken", "logged", "ok", "zl_object_id", "zl_run_id");
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void exportsALargeTableCompletely() throws IOException {
        Response answer = lake.get(TABLES + "/object_23/export", reader);

        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(answer.text())).getRecords();
        assertThat(rows).hasSize(251);
        assertThat(rows.get(250).get(0)).isEqualTo("250");
    }

    @Test
    void exportRefusesUnknownFormats() {
        Response answer = lake.get(TABLES + "/samples/export?format=xlsx", reader);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("unsupported_format");
    }

    @Test
    void unknownTablesAreNotFound() {
        for (String path : List.of("/nothing", "/nothing/rows", "/nothing/export", "/Not%20A%20Name")) {
            Response answer = lake.get(TABLES + path, reader);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("table_not_found");
        }
    }

    @Test
    void tablesNeedATokenAndTheProject() {
        assertThat(lake.get(TABLES, null).status()).isEqualTo(401);
        assertThat(lake.get(TABLES + "/samples/export", lake.tokenFor("elsewhere", ProjectRole.ADMIN)).status()).isEqualTo(403);
        assertThat(lake.get("/api/v1/projects/missing/tables", lake.adminToken()).code()).isEqualTo("project_not_found");
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
