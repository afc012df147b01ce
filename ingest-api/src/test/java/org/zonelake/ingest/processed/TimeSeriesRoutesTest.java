package org.zonelake.ingest.processed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.RecordSink;
import org.zonelake.core.gold.timeseries.Bucket;
import org.zonelake.core.gold.timeseries.Measurement;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.gold.timeseries.TimeSeriesQuery;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.ingest.ProcessServices;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class TimeSeriesRoutesTest {
    private static final String PROJECT = "series";
    private static final String SERIES = "/api/v1/projects/" + PROJECT + "/timeseries";
    private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    /** Points a broken export writes before it fails: far more than the server buffers before committing. */
    private static final int POINTS_BEFORE_FAILURE = 5000;
    private static TestLake lake;
    private static String reader;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false).process(real -> new ProcessServices(real.runs(), real.routes(),
                real.profiles(), new BrokenExports(real.timeSeries()), real.sql(), real.graph(), real.runsChanged())));
        lake.createProject(PROJECT);
        lake.createProject("elsewhere");
        reader = lake.tokenFor(PROJECT, ProjectRole.READER);
        TimeSeriesStore store = lake.process().timeSeries();
        // Object 11: station north, a point a minute; object 12: station south, every other minute.
        store.replacePoints(new Provenance(PROJECT, 11, "11-timeseries-json"), points(10, 1, "north", 20.0));
        store.replacePoints(new Provenance(PROJECT, 12, "12-timeseries-json"), points(5, 2, "south", 10.0));
        store.replacePoints(new Provenance(PROJECT, 13, "13-timeseries-json"),
                List.of(new Point("power", Map.of(), Map.of("watts", 250L), START)).iterator());
        store.replacePoints(new Provenance(PROJECT, 14, "14-timeseries-json"),
                List.of(new Point("broken", Map.of(), Map.of("value", 1.0), START)).iterator());
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    /** {@code count} points of "climate", {@code step} minutes apart, temperature base, base + 1, ... */
    private static Iterator<Point> points(int count, int step, String station, double base) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new Point("climate", Map.of("station", station), Map.of("temperature", base + i, "humidity", 40L + i),
                    START.plusSeconds(60L * step * i)));
        }
        return points.iterator();
    }

    @Test
    void listsTheMeasurementsWithTheirTagAndFieldKeys() {
        Response answer = lake.get(SERIES, reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("items").findValuesAsText("name")).containsExactly("broken", "climate", "power");
        JsonNode climate = answer.json().path("items").get(1);
        assertThat(climate.path("tag_keys").toString()).isEqualTo("[\"station\"]");
        assertThat(climate.path("field_keys").toString()).isEqualTo("[\"humidity\",\"temperature\"]");
    }

    @Test
    void listsTheValuesOfATag() {
        Response stations = lake.get(SERIES + "/climate/tags/station", reader);
        Response objects = lake.get(SERIES + "/climate/tags/zl_object_id", reader);

        assertThat(stations.status()).isEqualTo(200);
        assertThat(stations.json().path("values").toString()).isEqualTo("[\"north\",\"south\"]");
        assertThat(stations.json().path("measurement").asText()).isEqualTo("climate");
        assertThat(objects.json().path("values").toString()).isEqualTo("[\"11\",\"12\"]");
        assertThat(lake.get(SERIES + "/climate/tags/colour", reader).code()).isEqualTo("tag_not_found");
        assertThat(lake.get(SERIES + "/weather/tags/station", reader).code()).isEqualTo("measurement_not_found");
    }

    @Test
    void queriesDownsampledBuckets() {
        Response answer = lake.get(SERIES + "/climate/query?field=temperature&from=2024-05-01T00:00:00Z&to=2024-05-01T00:10:00Z"
                + "&interval=5m&aggregate=max&tag.station=north", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.path("measurement").asText()).isEqualTo("climate");
        assertThat(json.path("field").asText()).isEqualTo("temperature");
        assertThat(json.path("aggregate").asText()).isEqualTo("max");
        assertThat(json.path("interval").asText()).isEqualTo("5m");
        assertThat(json.path("buckets").findValuesAsText("time")).containsExactly("2024-05-01T00:00:00Z", "2024-05-01T00:05:00Z");
        assertThat(json.path("buckets").findValues("value")).extracting(JsonNode::asDouble).containsExactly(24.0, 29.0);
    }

    @Test
    void queriesMeanOverBothStationsWithEmptyBucketsAsNull() {
        Response answer = lake.get(SERIES + "/climate/query?field=temperature&from=2024-05-01T00:00:00Z&to=2024-05-01T00:30:00Z"
                + "&interval=10m", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<JsonNode> values = answer.json().path("buckets").findValues("value");
        // Minutes 0..9: north 20..29 (mean 24.5) and south at 0, 2, 4, 6, 8 minutes: 10..14 (mean 12).
        assertThat(values.get(0).asDouble()).isEqualTo((245.0 + 60.0) / 15);
        assertThat(values.get(1).isNull()).isTrue();
        assertThat(answer.json().path("aggregate").asText()).isEqualTo("mean");
    }

    @Test
    void aQueryOverCenturiesCountsItsBucketsWithoutOverflow() {
        Response answer = lake.get(SERIES + "/climate/query?field=temperature&interval=10d&from=1700-01-01&to=2200-01-01", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().path("parameter").asText()).isEqualTo("interval");
        assertThat(answer.json().path("detail").asText()).contains("18263 buckets");
    }

    @Test
    void theOnlyFieldOfAMeasurementNeedsNoName() {
        Response answer = lake.get(SERIES + "/power/query?from=2024-05-01&to=2024-05-01T00:02:00Z&interval=1m&aggregate=sum", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("field").asText()).isEqualTo("watts");
        assertThat(answer.json().path("buckets").get(0).path("value").asDouble()).isEqualTo(250.0);
    }

    @Test
    void badQueryParametersAreRefusedNamingThem() {
        String range = "&from=2024-05-01T00:00:00Z&to=2024-05-02T00:00:00Z";
        assertBadParameter("/climate/query?interval=5m" + range, "field");
        assertBadParameter("/climate/query?field=pressure" + range, "field");
        assertBadParameter("/climate/query?field=temperature&interval=5x" + range, "interval");
        assertBadParameter("/climate/query?field=temperature&interval=0m" + range, "interval");
        assertBadParameter("/climate/query?field=temperature&interval=1s" + range, "interval");
        assertBadParameter("/climate/query?field=temperature&aggregate=median" + range, "aggregate");
        assertBadParameter("/climate/query?field=temperature&from=2024-05-02&to=2024-05-01T00:00:00Z", "from");
        assertBadParameter("/climate/query?field=temperature&from=yesterday", "from");
        assertBadParameter("/climate/query?field=temperature&tag.colour=red" + range, "tag.colour");
        assertBadParameter("/climate/query?field=temperature&fill=none" + range, "fill");
        assertBadParameter("/climate/query?field=temperature&interval=30d&from=1600-01-01&to=2100-01-01", "from");
        assertBadParameter("/climate/query?field=temperature&interval=1d&from=2024-01-01&to=2300-01-01", "to");
        assertBadParameter("/climate/export?format=csv&from=1500-01-01", "from");
        assertBadParameter("/climate/query?field=temperature&interval=7d&from=1678-01-01&to=1700-01-01", "interval");
        assertBadParameter("/climate/query?field=temperature&interval=999999999d" + range, "interval");
        assertThat(lake.get(SERIES + "/weather/query?field=x", reader).code()).isEqualTo("measurement_not_found");
    }

    private static void assertBadParameter(String path, String parameter) {
        Response answer = lake.get(SERIES + path, reader);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_request");
        assertThat(answer.json().path("parameter").asText()).isEqualTo(parameter);
    }

    @Test
    void exportsThePointsAsCsvWithAHeaderRow() throws IOException {
        Response answer = lake.get(SERIES + "/climate/export?format=csv", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(answer.header("Content-Disposition").orElseThrow()).startsWith("attachment").contains("climate.csv");
        List<CSVRecord> rows = parse(answer.text());
        assertThat(rows.get(0).values()).containsExactly("time", "station", "humidity", "temperature", "zl_object_id", "zl_run_id");
        assertThat(rows).hasSize(1 + 15);
        assertThat(rows.get(1).values()).containsExactly("2024-05-01T00:00:00Z", "north", "40", "20.0", "11", "11-timeseries-json");
        assertThat(rows.subList(1, rows.size())).extracting(row -> Instant.parse(row.get(0))).isSorted();
    }

    @Test
    void exportsOnlyThePointsBetweenFromAndTo() throws IOException {
        Response answer = lake.get(SERIES + "/climate/export?from=2024-05-01T00:02:00Z&to=2024-05-01T00:04:00Z", reader);

        List<CSVRecord> rows = parse(answer.text());
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0) + " " + row.get(1))
                .containsExactly("2024-05-01T00:02:00Z north", "2024-05-01T00:02:00Z south", "2024-05-01T00:03:00Z north");
    }

    @Test
    void exportRefusesOtherFormatsAndUnknownMeasurements() {
        Response xml = lake.get(SERIES + "/climate/export?format=xml", reader);
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.code()).isEqualTo("unsupported_format");
        assertThat(lake.get(SERIES + "/climate/export?format=parquet", reader).code()).isEqualTo("unsupported_format");
        assertThat(lake.get(SERIES + "/weather/export", reader).status()).isEqualTo(404);
        assertThat(lake.get(SERIES + "/climate/export?from=2024-05-02&to=2024-05-01", reader).code()).isEqualTo("invalid_request");
    }

    @Test
    void anExportThatFailsBeforeItsFirstByteIsAProblem() {
        Response answer = lake.get(SERIES + "/power/export", reader);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("gold_zone_unavailable");
        assertThat(answer.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(answer.header("Content-Disposition")).isEmpty();
        assertThat(answer.header("X-Request-Id")).isPresent();
    }

    @Test
    void anExportThatFailsHalfwayCutsTheConnection() {
        assertThatThrownBy(() -> lake.get(SERIES + "/broken/export", reader)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void timeSeriesNeedATokenAndTheProject() {
        assertThat(lake.get(SERIES, null).status()).isEqualTo(401);
        assertThat(lake.get(SERIES + "/climate/export", lake.tokenFor("elsewhere", ProjectRole.MEMBER)).status()).isEqualTo(403);
        assertThat(lake.get("/api/v1/projects/missing/timeseries", lake.adminToken()).code()).isEqualTo("project_not_found");
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    /** The store, but exporting "power" fails at once and "broken" fails after many points. */
    private static final class BrokenExports implements TimeSeriesStore {
        private final TimeSeriesStore real;

        BrokenExports(TimeSeriesStore real) {
            this.real = real;
        }

        @Override
        public void export(String project, String measurement, Instant from, Instant to, RecordSink<Point> sink) {
            if (measurement.equals("power")) {
                throw new LakeException(ErrorCode.GOLD_ZONE_UNAVAILABLE, "The time-series engine does not answer");
            }
            if (measurement.equals("broken")) {
                try {
                    for (int i = 0; i < POINTS_BEFORE_FAILURE; i++) {
                        sink.accept(new Point("broken", Map.of(), Map.of("value", (double) i), START.plusSeconds(i)));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                throw new LakeException(ErrorCode.GOLD_ZONE_UNAVAILABLE, "The time-series engine went away");
            }
            real.export(project, measurement, from, to, sink);
        }

        @Override
        public long replacePoints(Provenance provenance, Iterator<Point> points) {
            return real.replacePoints(provenance, points);
        }

        @Override
        public List<Measurement> measurements(String project) {
            return real.measurements(project);
        }

        @Override
        public List<String> tagValues(String project, String measurement, String tagKey) {
            return real.tagValues(project, measurement, tagKey);
        }

        @Override
        public List<Bucket> query(TimeSeriesQuery query) {
            return real.query(query);
        }

        @Override
        public List<DerivedRecords> derivedFrom(String project, long objectId) {
            return real.derivedFrom(project, objectId);
        }
    }
}
