package org.zonelake.pipelines.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.metadata.TimeSeriesMapping;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.StepResult.Outcome;
import org.zonelake.pipelines.TestStepContext;

class TimeSeriesCsvPipelineTest {
    private static final String PROJECT = "grid";
    private static final long OBJECT = 7;
    private static final TimeSeriesMapping METERS = new TimeSeriesMapping("power", null, "timestamp", "iso",
            List.of("meter", "phase"), List.of(), null);

    @TempDir
    Path directory;

    private final FakeTimeSeriesStore store = new FakeTimeSeriesStore();
    private final FakeTemplateRepository templates = new FakeTemplateRepository();
    private PipelineStep load;

    @BeforeEach
    void pipeline() {
        TimeSeriesCsvPipeline pipeline = new TimeSeriesCsvPipeline(SharedSpark.spark(), templates, store);
        assertThat(pipeline.name()).isEqualTo("timeseries-csv");
        assertThat(pipeline.stepNames()).containsExactly("load");
        load = pipeline.steps().get(0);
        templates.add(PROJECT, "meters", METERS);
    }

    @Test
    void readsRowsByTheTemplatesMapping() throws Exception {
        StepResult result = load.run(context(resource("meter.csv"), "meters"));

        assertThat(result.reason()).isEqualTo("3 points into measurement power");
        assertThat(points()).containsExactly(
                new Point("power", Map.of("meter", "m-1", "phase", "L1"), Map.of("power_w", 1520.5, "voltage", 230.1, "status", "ok"),
                        Instant.parse("2024-05-01T00:00:00Z")),
                new Point("power", Map.of("meter", "m-1", "phase", "L1"), Map.of("power_w", 1498.0, "voltage", 229.8, "status", "ok"),
                        Instant.parse("2024-05-01T00:15:00Z")),
                new Point("power", Map.of("meter", "m-2", "phase", "L2"), Map.of("voltage", 231.0, "status", "degraded"),
                        Instant.parse("2024-05-01T00:00:00Z")));
    }

    @Test
    void findsASemicolonDelimiterAndTheNamedValueColumns() throws Exception {
        templates.add(PROJECT, "eu", new TimeSeriesMapping("level", "tank", "Zeit", "epoch_s", List.of(), List.of("litres"), null));
        Path csv = file("Zeit;tank;litres;comment\n1714557600;\"tank; north\";120;filled\n1714557660;south;118.5;\n");

        StepResult result = load.run(context(csv, "eu"));

        assertThat(result.isSuccess()).isTrue();
        assertThat(points()).containsExactly(
                new Point("tank_north", Map.of(), Map.of("litres", 120.0), Instant.parse("2024-05-01T10:00:00Z")),
                new Point("south", Map.of(), Map.of("litres", 118.5), Instant.parse("2024-05-01T10:01:00Z")));
    }

    @Test
    void failsWithoutATemplate() throws Exception {
        StepResult result = load.run(context(resource("meter.csv"), null));

        assertThat(result).isEqualTo(StepResult.failed(
                "object 7 has no template: the timeseries-csv pipeline needs one to know the time, tag and value columns"));
    }

    @Test
    void failsWhenTheTemplateHasNoTimeSeriesMapping() throws Exception {
        templates.add(PROJECT, "plain", null);

        StepResult result = load.run(context(resource("meter.csv"), "plain"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("template 'plain' of project grid has no time-series mapping");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void failsWithoutAHeaderNamingTheTimeColumn() throws Exception {
        Path csv = file("2024-05-01T00:00:00Z,m-1,L1,1520.5\n2024-05-01T00:15:00Z,m-1,L1,1498\n");

        StepResult result = load.run(context(csv, "meters"));

        assertThat(result).isEqualTo(StepResult.failed("the CSV has no column 'timestamp' (its header is: 2024-05-01T00:00:00Z, m-1, L1, "
                + "1520.5); a header row naming the columns is required"));
    }

    @Test
    void failsOnAnUnreadableTimeNamingTheRowAndWritesNothing() throws Exception {
        Path csv = file("timestamp,meter,phase,power_w\n2024-05-01T00:00:00Z,m-1,L1,1\n01/05/2024,m-1,L1,2\n");

        StepResult result = load.run(context(csv, "meters"));

        assertThat(result).isEqualTo(StepResult.failed("Row 2 after the header has time '01/05/2024', which is not ISO-8601 "
                + "(like 2024-05-01T12:00:00Z); nothing was written"));
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void failsOnARowThatDoesNotFitTheHeader() throws Exception {
        Path csv = file("timestamp,meter,phase,power_w\n2024-05-01T00:00:00Z,m-1,L1,1\n2024-05-01T00:15:00Z,m-1\n");

        StepResult result = load.run(context(csv, "meters"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("Row 2 after the header does not split into the header's columns: "
                + "'2024-05-01T00:15:00Z,m-1'");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void failsOnAnEmptyFile() throws Exception {
        StepResult result = load.run(context(file(""), "meters"));

        assertThat(result).isEqualTo(StepResult.failed("the CSV is empty: a header row naming the columns is required"));
    }

    @Test
    void doesNotHandleAHeaderWithoutRows() throws Exception {
        StepResult result = load.run(context(file("timestamp,meter,phase,power_w\n"), "meters"));

        assertThat(result).isEqualTo(StepResult.notHandled("the object holds no records"));
    }

    private List<Point> points() {
        return store.points(PROJECT, OBJECT);
    }

    private TestStepContext context(Path content, String template) throws IOException {
        return TestStepContext.of(PROJECT, OBJECT, content.getFileName().toString(), "text/csv", template, Map.of(), content,
                directory.resolve("work"));
    }

    private Path resource(String name) throws IOException {
        Path copy = directory.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/timeseries/" + name)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private Path file(String content) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "object", ".csv"), content);
    }
}
