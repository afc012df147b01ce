package org.zonelake.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The time-series routes end to end: a sensor JSON file becomes points per topic, exported and aggregated through the
 * API; a malformed one fails and writes no point; a redo leaves the same points; the routing table sends a templated
 * CSV to the time-series zone instead of the template's SQL table, and back.
 */
@ExtendWith(SharedLake.class)
class TimeSeriesProcessZoneTest {
    private static final String TEMPERATURE = "building_room-1_temperature";

    private LakeClient lake;
    private ProcessedData data;

    /** A project per test: measurements are the project's, so each test sees only its own points. */
    @BeforeEach
    void project(LakeClient client) {
        lake = client;
        data = new ProcessedData(client, client.newProject("series"));
    }

    @Test
    void loadsSensorJsonIntoAMeasurementPerTopic() {
        JsonNode run = data.process("sensors.json", TestFiles.resource("sensors.json"));
        long id = run.path("object_id").asLong();
        String runId = id + "-timeseries-json";

        assertThat(run.path("id").asText()).isEqualTo(runId);
        assertThat(run.path("state").asText()).isEqualTo("succeeded");
        assertThat(run.path("reason").asText()).isEqualTo("4 points into measurements building_room-1_humidity, " + TEMPERATURE + ", sensor");
        assertThat(data.measurements()).containsExactly(
                "building_room-1_humidity [input, subID, unitID, value_units] [value]",
                TEMPERATURE + " [input, subID, unitID, value_units] [value]",
                "sensor [input, subID, unitID] [value]");
        assertThat(data.pointsCsv(TEMPERATURE)).containsExactly(
                "time,input,subID,unitID,value_units,value,zl_object_id,zl_run_id",
                "2024-05-01T10:00:00Z,a0,1,u-17,C,21.5," + id + "," + runId,
                "2024-05-01T10:01:00Z,a0,1,u-17,C,21.75," + id + "," + runId);
        assertThat(data.pointsCsv("building_room-1_humidity")).containsExactly(
                "time,input,subID,unitID,value_units,value,zl_object_id,zl_run_id",
                "2024-05-01T08:00:00.250Z,a1,2,u-17,%,48.0," + id + "," + runId);
        assertThat(data.pointsCsv("sensor")).containsExactly(
                "time,input,subID,unitID,value,zl_object_id,zl_run_id",
                "2024-05-01T10:02:00Z,d0,3,u-18,1.0," + id + "," + runId);
        assertThat(data.object(id).path("successful_operations").findValuesAsText("run_id")).containsExactly(runId);
        assertThat(data.lineageItems(id)).containsExactly(
                "time_series points building_room-1_humidity 1 " + runId,
                "time_series points " + TEMPERATURE + " 2 " + runId,
                "time_series points sensor 1 " + runId);
        assertThat(data.sources("zone=time_series&name=" + TEMPERATURE)).containsExactly(id + " " + runId);
    }

    @Test
    void aggregatesThePointsIntoBuckets() {
        data.process("sensors.json", TestFiles.resource("sensors.json"));

        assertThat(data.buckets(TEMPERATURE, "field=value&from=2024-05-01T09:00:00Z&to=2024-05-01T11:00:00Z&interval=1h&aggregate=mean"))
                .containsExactly("2024-05-01T09:00:00Z null", "2024-05-01T10:00:00Z 21.625");
        assertThat(data.buckets(TEMPERATURE, "from=2024-05-01T10:00:00Z&to=2024-05-01T10:02:00Z&interval=1m&aggregate=max&tag.unitID=u-17"))
                .containsExactly("2024-05-01T10:00:00Z 21.5", "2024-05-01T10:01:00Z 21.75");
        assertThat(data.buckets(TEMPERATURE, "from=2024-05-01T10:00:00Z&to=2024-05-01T10:02:00Z&interval=1m&aggregate=count&tag.unitID=u-18"))
                .containsExactly("2024-05-01T10:00:00Z null", "2024-05-01T10:01:00Z null");
    }

    @Test
    void failsSensorJsonWithAnUnreadableTimeAndWritesNoPoint() {
        String json = """
                [{"topic": "plant/boiler", "value": 1, "time": "2024-05-01T10:00:00Z"},
                 {"topic": "plant/boiler", "value": 2, "time": "yesterday"}]""";

        JsonNode run = data.process("boiler.json", TestFiles.utf8(json));

        data.assertRejectedWithoutGoldRecords(run, "failed",
                "Record index 1 has time 'yesterday', which is not ISO-8601 (like 2024-05-01T12:00:00Z); nothing was written");
        assertThat(data.measurements()).isEmpty();
    }

    @Test
    void doesNotHandleJsonRecordsWithoutTimeOrValue() {
        JsonNode run = data.process("notes.json", TestFiles.utf8("[{\"note\": \"calibrated\", \"by\": \"ann\"}]"));

        assertThat(run.path("pipeline").asText()).isEqualTo("timeseries-json");
        data.assertRejectedWithoutGoldRecords(run, "not_handled", "no record has a time field 'time': the JSON is not in the built-in "
                + "sensor format [{topic, subID, unitID, input, value_units, value, time}], and object " + run.path("object_id").asText()
                + " has no template");
        assertThat(data.measurements()).isEmpty();
    }

    @Test
    void redoingTheRunOrItsLoadStepLeavesTheSamePoints() {
        JsonNode first = data.process("sensors.json", TestFiles.resource("sensors.json"));
        long id = first.path("object_id").asLong();
        Map<String, Object> before = seriesState(id);

        JsonNode whole = lake.redo(data.project(), first.path("id").asText(), null);
        Map<String, Object> afterWhole = seriesState(id);
        JsonNode fromLoad = lake.redo(data.project(), first.path("id").asText(), Map.of("step", "load"));

        assertThat(whole.path("state").asText()).isEqualTo("succeeded");
        assertThat(fromLoad.path("state").asText()).isEqualTo("succeeded");
        assertThat(afterWhole).isEqualTo(before);
        assertThat(seriesState(id)).isEqualTo(before);
        assertThat(data.pointsCsv(TEMPERATURE)).hasSize(3);
    }

    @Test
    void theRoutingTableSendsATemplatedCsvToTheTimeSeriesZoneUntilItIsReset() {
        String base = LakeClient.projectPath(data.project());
        LakeClient.expect(201, lake.send("POST", base + "/templates", Map.of("name", "meters", "processing", Map.of(
                "time_series", Map.of("measurement", "power", "time_field", "timestamp", "tag_fields", List.of("meter", "phase")),
                "table", "meter_rows"))));
        String metadata = "{\"template\": \"meters\"}";

        JsonNode toTable = data.process("meter.csv", TestFiles.resource("meter.csv"), metadata);
        JsonNode table = LakeClient.expect(200, lake.send("PUT", base + "/routes", Map.of("items", List.of(
                Map.of("content_type", "text/csv", "template", "meters", "pipeline", "timeseries-csv"),
                Map.of("content_type", "text/*", "pipeline", "sql-tabular"))))).json();
        JsonNode toSeries = data.process("meter.csv", TestFiles.resource("meter.csv"), metadata);
        LakeClient.expect(204, lake.send("DELETE", base + "/routes", null));
        JsonNode backToTable = data.process("meter.csv", TestFiles.resource("meter.csv"), metadata);

        assertThat(toTable.path("pipeline").asText()).isEqualTo("sql-tabular");
        assertThat(table.path("custom").asBoolean()).isTrue();
        assertThat(toSeries.path("pipeline").asText()).isEqualTo("timeseries-csv");
        assertThat(toSeries.path("state").asText()).isEqualTo("succeeded");
        assertThat(lake.json(base + "/routes").path("custom").asBoolean()).isFalse();
        assertThat(backToTable.path("pipeline").asText()).isEqualTo("sql-tabular");

        long seriesId = toSeries.path("object_id").asLong();
        String seriesRun = seriesId + "-timeseries-csv";
        assertThat(data.measurements()).containsExactly("power [meter, phase] [power_w, status, voltage]");
        assertThat(data.pointsCsv("power")).containsExactly(
                "time,meter,phase,power_w,status,voltage,zl_object_id,zl_run_id",
                "2024-05-01T00:00:00Z,m-1,L1,1520.5,ok,230.1," + seriesId + "," + seriesRun,
                "2024-05-01T00:00:00Z,m-2,L2,,degraded,231.0," + seriesId + "," + seriesRun,
                "2024-05-01T00:15:00Z,m-1,L1,1498.0,ok,229.8," + seriesId + "," + seriesRun);
        assertThat(data.buckets("power", "field=power_w&from=2024-05-01T00:00:00Z&to=2024-05-02T00:00:00Z&interval=1d&aggregate=sum"))
                .containsExactly("2024-05-01T00:00:00Z 3018.5");
        assertThat(data.buckets("power", "field=voltage&from=2024-05-01T00:00:00Z&to=2024-05-01T00:30:00Z&interval=15m&aggregate=mean"))
                .containsExactly("2024-05-01T00:00:00Z 230.55", "2024-05-01T00:15:00Z 229.8");
        JsonNode rows = data.table("meter_rows");
        assertThat(ProcessedData.texts(rows.path("source_object_ids")))
                .containsExactly(toTable.path("object_id").asText(), backToTable.path("object_id").asText());
        assertThat(rows.path("row_count").asLong()).isEqualTo(6);
        assertThat(data.lineageItems(seriesId)).containsExactly("time_series points power 3 " + seriesRun);
    }

    /** Everything the API shows of the project's points and the object's part in them. */
    private Map<String, Object> seriesState(long id) {
        return Map.of("measurements", data.measurements(),
                "temperature", data.pointsCsv(TEMPERATURE),
                "humidity", data.pointsCsv("building_room-1_humidity"),
                "sensor", data.pointsCsv("sensor"),
                "mean", data.buckets(TEMPERATURE, "from=2024-05-01T10:00:00Z&to=2024-05-01T11:00:00Z&interval=1h"),
                "lineage", data.lineageItems(id));
    }
}
