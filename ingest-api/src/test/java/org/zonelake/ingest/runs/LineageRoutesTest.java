package org.zonelake.ingest.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.core.gold.graph.Subgraph;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.core.gold.sql.TableSchema;
import org.zonelake.core.gold.sql.WriteMode;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.TableProfile;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.core.process.RunState;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;
import org.zonelake.ingest.service.StoreRequest;

class LineageRoutesTest {
    private static final String PROJECT = "lineage";
    private static final String BASE = "/api/v1/projects/" + PROJECT;
    private static final TableSchema READINGS = new TableSchema("readings", List.of(new Column("value", ColumnType.DOUBLE)));
    private static TestLake lake;
    private static String reader;
    private static ObjectDocument archive;
    private static ObjectDocument csv;
    private static ObjectDocument json;
    private static ObjectDocument photo;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        lake.createProject(PROJECT);
        lake.createProject("elsewhere");
        reader = lake.tokenFor(PROJECT, ProjectRole.READER);
        archive = store("bundle.zip", "PK");
        csv = lake.derivedObjects().store(archive, "readings.csv", bytes("value\n1.5\n"));
        json = lake.derivedObjects().store(archive, "readings.json", bytes("[{\"t\": 1}]"));
        photo = store("photo.jpg", "jpeg");
        Runs.create(lake, PROJECT, archive.id(), PipelineNames.UNPACK_ARCHIVE, RunState.SUCCEEDED);
        Runs.create(lake, PROJECT, csv.id(), PipelineNames.SQL_TABULAR, RunState.SUCCEEDED);
        Runs.create(lake, PROJECT, json.id(), PipelineNames.TIMESERIES_JSON, RunState.FAILED);
        writeGold();
    }

    /** The csv and json entries both fill the shared table; the json one also wrote points; the photo wrote a graph. */
    private static void writeGold() {
        lake.process().sql().writeTable(provenance(csv, "sql-tabular"), READINGS, WriteMode.SHARED_TABLE, rows(3));
        lake.process().sql().writeTable(provenance(json, "sql-tabular"), READINGS, WriteMode.SHARED_TABLE, rows(2));
        lake.process().profiles().save(new TableProfile(PROJECT, csv.id(), "profiled-run", "readings", 3, 0, List.of(), Instant.now()));
        lake.process().timeSeries().replacePoints(provenance(json, "timeseries-json"), List.of(
                new Point("flow", Map.of("pump", "p1"), Map.of("litres", 3.0), Instant.parse("2024-05-01T00:00:00Z")),
                new Point("flow", Map.of("pump", "p2"), Map.of("litres", 4.0), Instant.parse("2024-05-01T00:01:00Z"))).iterator());
        lake.process().graph().replaceSubgraph(provenance(photo, "graph-image"), new Subgraph(
                List.of(new GraphNode("image:" + photo.id(), List.of("Image"), Map.of(), false),
                        new GraphNode("tag:sea", List.of("Tag"), Map.of(), true)),
                List.of(new GraphRelationship("TAGGED", "image:" + photo.id(), "tag:sea", Map.of()))));
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    private static ObjectDocument store(String name, String content) {
        return lake.ingest().store(new StoreRequest(PROJECT, "bob", name, null, Map.of(), null, null, null), bytes(content));
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Provenance provenance(ObjectDocument object, String pipeline) {
        return new Provenance(PROJECT, object.id(), object.id() + "-" + pipeline);
    }

    private static Iterator<List<Object>> rows(int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(List.of((double) i));
        }
        return rows.iterator();
    }

    @Test
    void anObjectsLineageListsItsRunsAndTheGoldRecordsItProduced() {
        Response answer = lake.get(BASE + "/objects/" + json.id() + "/lineage", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode lineage = answer.json();
        assertThat(lineage.path("object_id").asLong()).isEqualTo(json.id());
        assertThat(lineage.path("parent_id").asLong()).isEqualTo(archive.id());
        assertThat(lineage.path("runs")).hasSize(1);
        assertThat(lineage.path("runs").get(0).path("id").asText()).isEqualTo(json.id() + "-timeseries-json");
        assertThat(lineage.path("runs").get(0).path("pipeline").asText()).isEqualTo("timeseries-json");
        assertThat(lineage.path("runs").get(0).path("state").asText()).isEqualTo("failed");
        List<String> items = new ArrayList<>();
        lineage.path("items").forEach(item -> items.add(item.path("zone").asText() + " " + item.path("kind").asText() + " "
                + item.path("name").asText() + " " + item.path("count").asLong() + " " + item.path("run_id").asText()));
        assertThat(items).containsExactlyInAnyOrder("time_series points flow 2 " + json.id() + "-timeseries-json",
                "sql rows readings 2 " + json.id() + "-sql-tabular");
        assertThat(lineage.path("derived_objects")).isEmpty();
    }

    @Test
    void anArchivesLineageListsTheObjectsDerivedFromIt() {
        JsonNode lineage = lake.get(BASE + "/objects/" + archive.id() + "/lineage", reader).json();

        assertThat(lineage.path("parent_id").isNull()).isTrue();
        assertThat(lineage.path("derived_objects").toString()).isEqualTo("[" + csv.id() + "," + json.id() + "]");
        assertThat(lineage.path("runs").get(0).path("pipeline").asText()).isEqualTo("unpack-archive");
        assertThat(lineage.path("items")).isEmpty();
    }

    @Test
    void aGraphObjectsLineageListsItsNodesAndRelationships() {
        JsonNode items = lake.get(BASE + "/objects/" + photo.id() + "/lineage", reader).json().path("items");

        assertThat(items.findValuesAsText("zone")).containsOnly("graph");
        assertThat(items.findValuesAsText("kind")).containsExactlyInAnyOrder("nodes", "relationships");
        assertThat(items.findValuesAsText("name")).containsExactlyInAnyOrder("Image", "TAGGED");
    }

    @Test
    void aTableLeadsBackToItsSourceObjectsAndRuns() {
        Response answer = lake.get(BASE + "/lineage/source?zone=sql&name=readings", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("zone").asText()).isEqualTo("sql");
        assertThat(answer.json().path("name").asText()).isEqualTo("readings");
        assertThat(sources(answer)).containsExactly(csv.id() + " profiled-run", json.id() + " " + json.id() + "-sql-tabular");
    }

    @Test
    void aMeasurementLeadsBackToItsSourceObjects() {
        Response answer = lake.get(BASE + "/lineage/source?zone=time_series&name=flow", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(sources(answer)).containsExactly(json.id() + " " + json.id() + "-timeseries-json");
    }

    @Test
    void aNodeLeadsBackToTheObjectThatWroteIt() {
        Response owned = lake.get(BASE + "/lineage/source?zone=graph&key=image:" + photo.id(), reader);
        Response shared = lake.get(BASE + "/lineage/source?zone=graph&key=tag:sea", reader);

        assertThat(owned.json().path("key").asText()).isEqualTo("image:" + photo.id());
        assertThat(sources(owned)).containsExactly(photo.id() + " " + photo.id() + "-graph-image");
        assertThat(sources(shared)).containsExactly(photo.id() + " " + photo.id() + "-graph-image");
    }

    @Test
    void unknownRecordsAreNotFound() {
        assertThat(lake.get(BASE + "/lineage/source?zone=sql&name=nothing", reader).code()).isEqualTo("table_not_found");
        assertThat(lake.get(BASE + "/lineage/source?zone=time_series&name=nothing", reader).code()).isEqualTo("measurement_not_found");
        assertThat(lake.get(BASE + "/lineage/source?zone=graph&key=nothing", reader).code()).isEqualTo("node_not_found");
        assertThat(lake.get(BASE + "/objects/999999/lineage", reader).code()).isEqualTo("object_not_found");
    }

    @Test
    void badSourceQueriesAreRefusedNamingTheParameter() {
        assertBadParameter("?name=readings", "zone");
        assertBadParameter("?zone=files&name=readings", "zone");
        assertBadParameter("?zone=sql", "name");
        assertBadParameter("?zone=sql&key=readings", "key");
        assertBadParameter("?zone=graph&name=tag:sea", "name");
        assertBadParameter("?zone=graph", "key");
        assertBadParameter("?zone=sql&name=readings&table=x", "table");
    }

    private static void assertBadParameter(String query, String parameter) {
        Response answer = lake.get(BASE + "/lineage/source" + query, reader);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_request");
        assertThat(answer.json().path("parameter").asText()).isEqualTo(parameter);
    }

    @Test
    void lineageNeedsATokenAndTheProject() {
        assertThat(lake.get(BASE + "/objects/" + csv.id() + "/lineage", null).status()).isEqualTo(401);
        assertThat(lake.get(BASE + "/lineage/source?zone=sql&name=readings", lake.tokenFor("elsewhere", ProjectRole.READER)).status())
                .isEqualTo(403);
        assertThat(lake.get("/api/v1/projects/missing/lineage/source?zone=sql&name=x", lake.adminToken()).code()).isEqualTo("project_not_found");
    }

    private static List<String> sources(Response answer) {
        List<String> sources = new ArrayList<>();
        answer.json().path("sources").forEach(source -> sources.add(source.path("object_id").asLong() + " " + source.path("run_id").asText()));
        return sources;
    }
}
