package org.zonelake.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL routes of the process zone end to end: a CSV with dates and decimals, a Parquet file and a MySQL dump become
 * gold tables read back through the API (schema, CSV and Parquet exports, profiles, lineage); a malformed variant of each
 * fails with its reason and loads nothing; a redo leaves the same table.
 */
@ExtendWith(SharedLake.class)
class TabularProcessZoneTest {
    private static LakeClient lake;
    private static ProcessedData data;

    @TempDir
    Path files;

    @BeforeAll
    static void project(LakeClient client) {
        lake = client;
        data = new ProcessedData(client, client.newProject("tabular"));
    }

    @Test
    void loadsACsvWithDatesAndDecimalsIntoATypedTable() {
        JsonNode run = data.process("sensors.csv", TestFiles.resource("sensors.csv"));
        long id = run.path("object_id").asLong();
        String table = "sensors_csv_" + id;
        String runId = id + "-sql-tabular";

        assertThat(run.path("id").asText()).isEqualTo(runId);
        assertThat(run.path("state").asText()).isEqualTo("succeeded");
        assertThat(run.path("reason").asText()).isEqualTo("5 rows into table " + table + "; profiled 5 rows of table " + table);
        assertThat(run.path("steps").findValuesAsText("state")).containsExactly("succeeded", "succeeded");
        assertThat(data.tables()).contains(table + " " + id);
        JsonNode listed = data.table(table);
        assertThat(listed.path("row_count").asLong()).isEqualTo(5);
        assertThat(listed.path("last_run_id").asText()).isEqualTo(runId);
        assertThat(data.columns(table)).containsExactly("id integer", "station text", "day date", "measured_at timestamp",
                "temperature decimal(2)", "pressure double", "active boolean", "note text",
                "zl_object_id integer", "zl_run_id text", "zl_row integer");
        assertThat(data.tableCsv(table)).isEqualTo(crlf(
                "id,station,day,measured_at,temperature,pressure,active,note,zl_object_id,zl_run_id,zl_row",
                "1,Alpha,2024-03-01,2024-03-01T10:15:00Z,21.50,101320.0,true,first reading," + id + "," + runId + ",1",
                "2,Beta,2024-03-01,2024-03-01T11:00:00Z,19.25,99800.0,false,\"windy, cold\"," + id + "," + runId + ",2",
                "3,Gamma,2024-03-02,2024-03-02T07:30:00Z,-3.00,101000.0,true,," + id + "," + runId + ",3",
                "4,Alpha,2024-03-02,2024-03-02T09:00:00.250Z,22.00,101250.0,false,\"said \"\"hello\"\"\"," + id + "," + runId + ",4",
                "5,Delta,2024-03-03,2024-03-03T12:00:00Z,,102000.0,true,last," + id + "," + runId + ",5"));
        JsonNode profile = listed.path("profiles").get(0);
        assertThat(profile.path("run_id").asText()).isEqualTo(runId);
        assertThat(profile.path("row_count").asLong()).isEqualTo(5);
        assertThat(profile.path("columns").get(4).toString())
                .isEqualTo("{\"name\":\"temperature\",\"type\":\"DECIMAL\",\"nulls\":1,\"min\":\"-3.00\",\"max\":\"22.00\",\"distinct_estimate\":4}");
        assertSucceededInto(id, runId, "sql rows " + table + " 5 " + runId);
        assertThat(data.sources("zone=sql&name=" + table)).containsExactly(id + " " + runId);
    }

    @Test
    void exportsTheCsvTableAsParquetWithItsTypes() {
        long id = data.process("sensors.csv", TestFiles.resource("sensors.csv")).path("object_id").asLong();
        Path parquet = ParquetFiles.write(files, data.tableParquet("sensors_csv_" + id));

        assertThat(ParquetFiles.schema(parquet).getFields()).extracting(ParquetFiles::describe).containsExactly(
                "id INT64", "station BINARY STRING", "day INT32 DATE", "measured_at INT64 TIMESTAMP(MICROS,true)",
                "temperature FIXED_LEN_BYTE_ARRAY DECIMAL(38,2)", "pressure DOUBLE", "active BOOLEAN", "note BINARY STRING",
                "zl_object_id INT64", "zl_run_id BINARY STRING", "zl_row INT64");
        String runId = id + "-sql-tabular";
        assertThat(ParquetFiles.rows(parquet)).containsExactly(
                List.of(1L, "Alpha", LocalDate.of(2024, 3, 1), Instant.parse("2024-03-01T10:15:00Z"), new BigDecimal("21.50"), 101320.0,
                        true, "first reading", id, runId, 1L),
                List.of(2L, "Beta", LocalDate.of(2024, 3, 1), Instant.parse("2024-03-01T11:00:00Z"), new BigDecimal("19.25"), 99800.0,
                        false, "windy, cold", id, runId, 2L),
                Arrays.asList(3L, "Gamma", LocalDate.of(2024, 3, 2), Instant.parse("2024-03-02T07:30:00Z"), new BigDecimal("-3.00"),
                        101000.0, true, null, id, runId, 3L),
                List.of(4L, "Alpha", LocalDate.of(2024, 3, 2), Instant.parse("2024-03-02T09:00:00.250Z"), new BigDecimal("22.00"),
                        101250.0, false, "said \"hello\"", id, runId, 4L),
                Arrays.asList(5L, "Delta", LocalDate.of(2024, 3, 3), Instant.parse("2024-03-03T12:00:00Z"), null, 102000.0, true,
                        "last", id, runId, 5L));
    }

    @Test
    void loadsAParquetFileKeepingItsSchema() {
        JsonNode run = data.process("readings.parquet", ParquetFiles.readings(files));
        long id = run.path("object_id").asLong();
        String table = "readings_parquet_" + id;
        String runId = id + "-sql-tabular";

        assertThat(run.path("state").asText()).isEqualTo("succeeded");
        assertThat(data.object(id).path("content_type").asText()).isEqualTo("application/x-parquet");
        assertThat(data.tables()).contains(table + " " + id);
        assertThat(data.columns(table)).containsExactly("id integer", "station text", "day date", "measured_at timestamp",
                "price decimal(2)", "ratio double", "ok boolean", "zl_object_id integer", "zl_run_id text", "zl_row integer");
        assertThat(data.tableCsv(table)).isEqualTo(crlf(
                "id,station,day,measured_at,price,ratio,ok,zl_object_id,zl_run_id,zl_row",
                "1,Alpha,2024-03-01,2024-03-01T10:15:00Z,12.50,0.25,true," + id + "," + runId + ",1",
                "2,Beta,2024-03-02,2024-03-02T11:30:00.500Z,-7.05,0.0015,false," + id + "," + runId + ",2",
                "3,Gamma,,,,2.0,," + id + "," + runId + ",3"));
        assertSucceededInto(id, runId, "sql rows " + table + " 3 " + runId);
    }

    @Test
    void loadsEachTableOfAnSqlDumpWithTheTypesOfItsCreateTable() {
        JsonNode run = data.process("shop.sql", TestFiles.resource("shop_mysqldump.sql"));
        long id = run.path("object_id").asLong();
        String customers = "shop_sql_customers_" + id;
        String orders = "shop_sql_orders_" + id;
        String runId = id + "-sql-dump";

        assertThat(run.path("id").asText()).isEqualTo(runId);
        assertThat(run.path("reason").asText()).isEqualTo("6 rows into 2 tables: " + customers + " (3), " + orders + " (3)");
        assertThat(data.tables()).contains(customers + " " + id, orders + " " + id);
        assertThat(data.columns(customers)).containsExactly("id integer", "name text", "email text", "vip integer", "created_at timestamp",
                "zl_object_id integer", "zl_run_id text", "zl_row integer");
        assertThat(data.columns(orders)).containsExactly("id integer", "customer_id integer", "amount decimal(2)", "shipped_on date",
                "weight_kg double", "status text", "zl_object_id integer", "zl_run_id text", "zl_row integer");
        assertThat(data.tableCsv(customers)).isEqualTo(crlf(
                "id,name,email,vip,created_at,zl_object_id,zl_run_id,zl_row",
                "1,Alice O'Brien,alice@example.com,1,2024-03-01T10:15:00Z," + id + "," + runId + ",1",
                "2,Bob; the builder,bob@example.com,0,2024-03-02T08:00:00Z," + id + "," + runId + ",2",
                "3,\"Carol \"\"C\"\"\nSmith\",,0,2024-03-03T12:30:45Z," + id + "," + runId + ",3"));
        assertThat(data.tableCsv(orders)).isEqualTo(crlf(
                "id,customer_id,amount,shipped_on,weight_kg,status,zl_object_id,zl_run_id,zl_row",
                "10,1,19.99,2024-03-05,1.5,shipped," + id + "," + runId + ",1",
                "11,2,5.00,,0.25,new," + id + "," + runId + ",2",
                "12,1,120.50,,20.0,new," + id + "," + runId + ",3"));
        assertSucceededInto(id, runId, "sql rows " + customers + " 3 " + runId, "sql rows " + orders + " 3 " + runId);
        assertThat(data.sources("zone=sql&name=" + orders)).containsExactly(id + " " + runId);
    }

    @Test
    void failsACsvWhoseRowsMostlyDoNotFitAndLoadsNothing() {
        JsonNode run = data.process("mostly_bad.csv", TestFiles.resource("mostly_bad.csv"));

        data.assertRejectedWithoutGoldRecords(run, "failed",
                "3 of 5 rows (60%) do not fit the columns, more than the 50% allowed; nothing was loaded. "
                        + "First bad rows: Line 3: 2 fields, the header has 3");
        assertThat(data.tables()).noneMatch(table -> table.startsWith("mostly_bad_csv_"));
    }

    @Test
    void failsAParquetFileCutShortAtOnceAndLoadsNothing() {
        byte[] parquet = ParquetFiles.readings(files);

        JsonNode run = data.process("cut.parquet", Arrays.copyOf(parquet, parquet.length / 2));

        data.assertRejectedWithoutGoldRecords(run, "failed", "Cannot read the Parquet file: ");
        assertThat(run.path("reason").asText()).contains("the object is not a Parquet file").doesNotContain("/work/");
        assertThat(run.path("attempts").asInt()).as("a damaged file is not retried").isEqualTo(1);
        assertThat(data.tables()).noneMatch(table -> table.startsWith("cut_parquet_"));
    }

    @Test
    void failsADumpWithAStatementThatDoesNotParseAndLoadsNoneOfItsTables() {
        JsonNode run = data.process("broken.sql", TestFiles.resource("broken.sql"));

        data.assertRejectedWithoutGoldRecords(run, "failed",
                "Line 4: cannot parse the statement at line 4, column 24: Encountered unexpected token \",\" (expected \")\")");
        assertThat(data.tables()).noneMatch(table -> table.startsWith("broken_sql_"));
    }

    @Test
    void redoingTheRunOrItsLoadStepLeavesTheSameTable() {
        JsonNode first = data.process("sensors.csv", TestFiles.resource("sensors.csv"));
        long id = first.path("object_id").asLong();
        String table = "sensors_csv_" + id;
        String runId = first.path("id").asText();
        Map<String, Object> before = tableState(id, table);

        JsonNode whole = lake.redo(data.project(), runId, null);
        Map<String, Object> afterWhole = tableState(id, table);
        JsonNode fromLoad = lake.redo(data.project(), runId, Map.of("step", "load"));

        assertThat(whole.path("state").asText()).isEqualTo("succeeded");
        assertThat(afterWhole).isEqualTo(before);
        assertThat(fromLoad.path("state").asText()).isEqualTo("succeeded");
        assertThat(fromLoad.path("redo_from_step").asText()).isEqualTo("load");
        assertThat(fromLoad.path("steps").findValuesAsText("state")).containsExactly("succeeded", "succeeded");
        assertThat(tableState(id, table)).isEqualTo(before);
        assertThat(data.object(id).path("successful_operations").findValuesAsText("run_id"))
                .as("one operation per generation of the run").containsExactly(runId, runId, runId);
        assertThat(lake.send("POST", LakeClient.projectPath(data.project()) + "/runs/" + runId + "/redo", Map.of("step", "unpack")).status())
                .isEqualTo(400);
    }

    @Test
    void redoingADumpLeavesTheSameTables() {
        JsonNode first = data.process("shop.sql", TestFiles.resource("shop_mysqldump.sql"));
        long id = first.path("object_id").asLong();
        Map<String, Object> customers = tableState(id, "shop_sql_customers_" + id);
        Map<String, Object> orders = tableState(id, "shop_sql_orders_" + id);

        JsonNode redone = lake.redo(data.project(), first.path("id").asText(), Map.of("step", "load"));

        assertThat(redone.path("state").asText()).isEqualTo("succeeded");
        assertThat(redone.path("reason").asText()).isEqualTo(first.path("reason").asText());
        assertThat(tableState(id, "shop_sql_customers_" + id)).isEqualTo(customers);
        assertThat(tableState(id, "shop_sql_orders_" + id)).isEqualTo(orders);
    }

    /** Everything the API shows of the table and its object: listing, CSV, Parquet rows, lineage. */
    private Map<String, Object> tableState(long id, String table) {
        JsonNode detail = data.table(table);
        return Map.of("listing", data.tables(), "row_count", detail.path("row_count"), "last_run_id", detail.path("last_run_id"),
                "columns", data.columns(table), "csv", data.tableCsv(table),
                "parquet", ParquetFiles.rows(ParquetFiles.write(files, data.tableParquet(table))), "lineage", data.lineageItems(id));
    }

    private void assertSucceededInto(long id, String runId, String... lineage) {
        JsonNode object = data.object(id);
        assertThat(object.path("failed_operations")).isEmpty();
        assertThat(object.path("successful_operations")).hasSize(1);
        assertThat(object.path("successful_operations").get(0).path("run_id").asText()).isEqualTo(runId);
        assertThat(data.lineageItems(id)).containsExactly(lineage);
        assertThat(data.lineage(id).path("runs").toString()).contains("\"id\":\"" + runId + "\"", "\"state\":\"succeeded\"");
    }

    /** CSV records as RFC 4180 writes them: each ends with CRLF. */
    static String crlf(String... records) {
        return String.join("\r\n", records) + "\r\n";
    }
}
