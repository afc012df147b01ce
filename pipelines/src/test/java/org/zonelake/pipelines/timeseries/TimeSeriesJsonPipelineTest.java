package org.zonelake.pipelines.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.metadata.TimeSeriesMapping;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.StepResult.Outcome;
import org.zonelake.pipelines.TestStepContext;

class TimeSeriesJsonPipelineTest {
    private static final String PROJECT = "plant";
    private static final long OBJECT = 42;

    @TempDir
    Path directory;

    private final FakeTimeSeriesStore store = new FakeTimeSeriesStore();
    private final FakeTemplateRepository templates = new FakeTemplateRepository();
    private PipelineStep load;

    @BeforeEach
    void pipeline() {
        TimeSeriesJsonPipeline pipeline = new TimeSeriesJsonPipeline(SharedSpark.spark(), templates, store);
        assertThat(pipeline.name()).isEqualTo("timeseries-json");
        assertThat(pipeline.stepNames()).containsExactly("load");
        load = pipeline.steps().get(0);
    }

    @Test
    void readsSensorArraysInTheBuiltInFormat() throws Exception {
        StepResult result = load.run(context(resource("sensors.json"), null));

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.reason()).isEqualTo("4 points into measurements building_room-1_humidity, building_room-1_temperature, sensor");
        assertThat(points()).containsExactly(
                new Point("building_room-1_temperature", Map.of("subID", "1", "unitID", "u-17", "input", "a0", "value_units", "C"),
                        Map.of("value", 21.5), Instant.parse("2024-05-01T10:00:00Z")),
                new Point("building_room-1_temperature", Map.of("subID", "1", "unitID", "u-17", "input", "a0", "value_units", "C"),
                        Map.of("value", 21.75), Instant.parse("2024-05-01T10:01:00Z")),
                new Point("building_room-1_humidity", Map.of("subID", "2", "unitID", "u-17", "input", "a1", "value_units", "%"),
                        Map.of("value", 48.0), Instant.parse("2024-05-01T08:00:00.250Z")),
                new Point("sensor", Map.of("subID", "3", "unitID", "u-18", "input", "d0"),
                        Map.of("value", 1.0), Instant.parse("2024-05-01T10:02:00Z")));
    }

    @Test
    void tellsEpochSecondsMillisMicrosAndNanosApartInNdjson() throws Exception {
        StepResult result = load.run(context(resource("sensors.ndjson"), null));

        assertThat(result.isSuccess()).isTrue();
        assertThat(points()).extracting(Point::time).containsExactly(
                Instant.parse("2024-05-01T10:00:00Z"),
                Instant.parse("2024-05-01T10:01:00.123Z"),
                Instant.parse("2024-05-01T10:02:00.123456Z"),
                Instant.parse("2024-05-01T10:03:00.123456789Z"));
        assertThat(points()).extracting(Point::measurement).containsOnly("plant_line-a_pressure");
    }

    @Test
    void mapsReadingsAtTheTemplatesPathWithItsPatternAndFields() throws Exception {
        templates.add(PROJECT, "station", new TimeSeriesMapping("station_readings", "kind", "ts", "dd.MM.yyyy HH:mm",
                List.of("station"), List.of(), "payload.readings"));

        StepResult result = load.run(context(resource("station.json"), "station"));

        assertThat(result.reason()).isEqualTo("3 points into measurement weather");
        assertThat(points()).containsExactly(
                new Point("weather", Map.of("station", "ws-12"), Map.of("temp_c", 12.5, "raining", false, "note", "clear"),
                        Instant.parse("2024-05-01T10:00:00Z")),
                new Point("weather", Map.of("station", "ws-12"), Map.of("temp_c", 12.9, "raining", true),
                        Instant.parse("2024-05-01T10:10:00Z")),
                new Point("weather", Map.of("station", "ws-12"), Map.of("raining", true, "note", "gusts"),
                        Instant.parse("2024-05-01T10:20:00Z")));
    }

    @Test
    void readsOneObjectAsOneRecordWithTheTemplatesEpochFormat() throws Exception {
        templates.add(PROJECT, "single", new TimeSeriesMapping("boiler", null, "at", "epoch_ms", List.of(), List.of("temp"), null));

        StepResult result = load.run(context(file("{\"at\": 1714557600000, \"temp\": 71, \"other\": 5}"), "single"));

        assertThat(result.isSuccess()).isTrue();
        assertThat(points()).containsExactly(new Point("boiler", Map.of(), Map.of("temp", 71.0), Instant.parse("2024-05-01T10:00:00Z")));
    }

    @Test
    void writingAgainReplacesTheObjectsPoints() throws Exception {
        load.run(context(resource("sensors.json"), null));
        List<Point> first = points();

        StepResult again = load.run(context(resource("sensors.json"), null));

        assertThat(again.isSuccess()).isTrue();
        assertThat(store.replaces()).isEqualTo(2);
        assertThat(points()).isEqualTo(first);
    }

    @Test
    void failsOnAnUnreadableTimeNamingTheRecordAndWritesNothing() throws Exception {
        Path json = file("""
                [{"topic": "t", "value": 1, "time": "2024-05-01T10:00:00Z"},
                 {"topic": "t", "value": 2, "time": "2024-05-01T10:01:00Z"},
                 {"topic": "t", "value": 3, "time": "yesterday"}]""");

        StepResult result = load.run(context(json, null));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).isEqualTo("Record index 2 has time 'yesterday', which is not ISO-8601 (like 2024-05-01T12:00:00Z); "
                + "nothing was written");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void failsOnARecordWithoutTime() throws Exception {
        Path json = file("""
                {"topic": "t", "value": 1, "time": 1714557600}
                {"topic": "t", "value": 2}
                """);

        StepResult result = load.run(context(json, null));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("Record index 1 has no time in field 'time'");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void failsOnARecordWithoutAnyValue() throws Exception {
        Path json = file("[{\"value\": 1, \"time\": 1714557600}, {\"value\": null, \"time\": 1714557601}]");

        StepResult result = load.run(context(json, null));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("Record index 1 has no value in any of the fields [value]");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void failsOnATimeOutsideWhatAPointCanHave() throws Exception {
        templates.add(PROJECT, "ns", new TimeSeriesMapping("m", null, "t", "epoch_s", List.of(), List.of(), null));

        StepResult result = load.run(context(file("{\"t\": 99999999999, \"v\": 1}"), "ns"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).contains("Record index 0 has time 99999999999", "outside the years 1678 to 2261");
    }

    @Test
    void failsOnBrokenJsonWithItsLine() throws Exception {
        Path json = file("""
                [{"topic": "t", "value": 1, "time": "2024-05-01T10:00:00Z"},
                 {"topic": "t", "value": 2,, "time": "2024-05-01T10:01:00Z"}]""");

        StepResult result = load.run(context(json, null));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("Cannot read the JSON at line 2, column 28: Unexpected character (','");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void failsOnARecordThatIsNotAnObject() throws Exception {
        StepResult result = load.run(context(file("{\"value\": 1, \"time\": 1714557600}\n[1, 2]\n"), null));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("Record index 1 (line 2) is a number, not an object");
    }

    @Test
    void failsWhenTheTemplatesFieldsAreNotInTheRecords() throws Exception {
        templates.add(PROJECT, "other", new TimeSeriesMapping("m", null, "timestamp", null, List.of(), List.of(), null));

        StepResult result = load.run(context(resource("sensors.json"), "other"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).isEqualTo("no record has a time field 'timestamp' the template 'other' maps; nothing was written");
    }

    @Test
    void failsWhenADocumentLacksTheReadingsPath() throws Exception {
        templates.add(PROJECT, "station", new TimeSeriesMapping("m", null, "ts", null, List.of(), List.of(), "payload.readings"));

        StepResult result = load.run(context(file("{\"payload\": {\"readings\": [{\"ts\": \"2024-05-01\", \"v\": 1}]}}\n{\"payload\": 3}"),
                "station"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("Document index 1 has no array at the readings path 'payload.readings'");
    }

    @Test
    void failsOnATimeFormatThatIsNoPattern() throws Exception {
        templates.add(PROJECT, "odd", new TimeSeriesMapping("m", null, "time", "epoch_minutes{", List.of(), List.of(), null));

        StepResult result = load.run(context(resource("sensors.json"), "odd"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("the time format 'epoch_minutes{' of template 'odd' is neither iso");
    }

    @Test
    void leavesGraphDocumentsToTheGraphPipeline() throws Exception {
        StepResult result = load.run(context(file("{\"nodes\": [{\"id\": 1}], \"links\": []}"), null));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_HANDLED);
        assertThat(result.reason()).contains("graph document");
    }

    @Test
    void doesNotHandleJsonWithoutRecords() throws Exception {
        assertThat(load.run(context(file("[]"), null))).isEqualTo(StepResult.notHandled("the JSON holds no records"));
        assertThat(load.run(context(file("  "), null))).isEqualTo(StepResult.notHandled("the JSON holds no records"));
        assertThat(load.run(context(file("[\"a\", \"b\"]"), null)))
                .isEqualTo(StepResult.notHandled("the JSON is a string or a list of them, not records (objects)"));
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void doesNotHandleJsonOutsideTheSensorFormatWithoutATemplate() throws Exception {
        StepResult result = load.run(context(file("[{\"name\": \"Ada\", \"born\": 1815}]"), null));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_HANDLED);
        assertThat(result.reason()).isEqualTo("no record has a time field 'time': the JSON is not in the built-in sensor format "
                + "[{topic, subID, unitID, input, value_units, value, time}], and object 42 has no template");
    }

    @Test
    void stopsBeforeWritingWhenTheRunIsCancelled() throws Exception {
        TestStepContext context = context(resource("sensors.json"), null);
        context.requestCancel();

        assertThatThrownBy(() -> load.run(context)).isInstanceOf(CancellationException.class);
        assertThat(store.isEmpty()).isTrue();
        assertThat(Files.exists(directory.resolve("work").resolve(TimeSeriesJsonPipeline.STAGED_RECORDS))).isFalse();
    }

    private List<Point> points() {
        return store.points(PROJECT, OBJECT);
    }

    private TestStepContext context(Path content, String template) throws IOException {
        return TestStepContext.of(PROJECT, OBJECT, content.getFileName().toString(), "application/json", template, Map.of(), content,
                directory.resolve("work"));
    }

    private Path resource(String name) throws IOException {
        Path copy = directory.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/timeseries/" + name)) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private Path file(String content) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "object", ".json"), content);
    }
}
