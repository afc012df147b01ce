package org.zonelake.server.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.zonelake.server.process.ProcessedData.asSet;
import static org.zonelake.server.process.ProcessedData.node;
import static org.zonelake.server.process.ProcessedData.relationships;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The graph routes end to end: a graph JSON document, a PNG and a JPEG with EXIF become nodes and relationships read
 * back through the API (the object's graph, the export, lineage both ways); a malformed variant of each fails and writes
 * nothing; a redo leaves the same graph.
 */
@ExtendWith(SharedLake.class)
class GraphProcessZoneTest {
    private LakeClient lake;
    private ProcessedData data;
    private String project;

    @BeforeEach
    void project(LakeClient client) {
        lake = client;
        project = client.newProject("graph");
        data = new ProcessedData(client, project);
    }

    @Test
    void loadsAGraphDocumentIntoTheObjectsNodesAndRelationships() {
        JsonNode run = data.process("people-links.json", TestFiles.resource("people-links.json"));
        long id = run.path("object_id").asLong();
        String runId = id + "-graph-json";
        String o = "o" + id + ":";

        assertThat(run.path("id").asText()).isEqualTo(runId);
        assertThat(run.path("reason").asText()).isEqualTo("3 nodes and 3 relationships into the graph");
        JsonNode graph = data.objectGraph(id);
        assertThat(graph.path("nodes").findValuesAsText("key"))
                .containsExactlyInAnyOrder(o + "3", o + "ada", o + "charles", "object:" + id, "project:" + project, "user:admin");
        assertThat(node(graph, o + "ada")).isEqualTo(expectedNode(o + "ada", List.of("Person"), Map.of("id", "ada", "name", "Ada Lovelace",
                "born", 1815, "address.city", "London", "address.geo.lat", 51.5, "address.geo.lon", -0.12,
                "zl_object_id", id, "zl_run_id", runId)));
        assertThat(node(graph, o + "charles").path("labels")).containsExactlyInAnyOrderElementsOf(json(List.of("Person", "Inventor")));
        assertThat(node(graph, o + "charles").path("properties").path("tags")).isEqualTo(json(List.of("math", "engines")));
        assertThat(node(graph, o + "3")).isEqualTo(expectedNode(o + "3", List.of("research_group"), Map.of("id", "3", "name", "Analytical Engine",
                "scores", List.of(1.0, 2.5), "notes", "[{\"a\":1}]", "zl_object_id", id, "zl_run_id", runId)));
        assertThat(node(graph, "object:" + id)).isEqualTo(expectedNode("object:" + id, List.of("Document"), Map.of("object_id", id,
                "name", "people-links.json", "content_type", "application/json", "zl_object_id", id, "zl_run_id", runId)));
        assertThat(node(graph, "project:" + project)).isEqualTo(expectedNode("project:" + project, List.of("Project"), Map.of("name", project)));
        assertThat(relationships(graph)).containsExactlyInAnyOrder(
                "object:" + id + " -CONTAINS-> " + o + "3", "object:" + id + " -CONTAINS-> " + o + "ada",
                "object:" + id + " -CONTAINS-> " + o + "charles", "object:" + id + " -IN_PROJECT-> project:" + project,
                o + "ada -LINKED_TO-> " + o + "3", o + "ada -works_with-> " + o + "charles", o + "charles -LEADS-> " + o + "3",
                "user:admin -UPLOADED-> object:" + id);
        assertThat(graph.path("relationships").findParents("type").stream().filter(r -> r.path("type").asText().equals("works_with"))
                .map(r -> r.path("properties")).toList()).containsExactly(json(Map.of("since", 1833, "zl_object_id", id, "zl_run_id", runId)));
        assertThat(asSet(data.graphExport(id))).isEqualTo(asSet(graph));
        assertThat(data.lineageItems(id)).containsExactly(
                "graph nodes Document 1 " + runId, "graph nodes Inventor 1 " + runId, "graph nodes Person 2 " + runId,
                "graph nodes research_group 1 " + runId, "graph relationships CONTAINS 3 " + runId, "graph relationships IN_PROJECT 1 " + runId,
                "graph relationships LEADS 1 " + runId, "graph relationships LINKED_TO 1 " + runId, "graph relationships UPLOADED 1 " + runId,
                "graph relationships works_with 1 " + runId);
        assertThat(data.sources("zone=graph&key=" + LakeClient.encode(o + "ada"))).containsExactly(id + " " + runId);
        assertThat(data.object(id).path("successful_operations").findValuesAsText("run_id")).containsExactly(runId);
    }

    @Test
    void extractsAPngIntoAnImageNode() {
        byte[] png = TestFiles.image("png", 5, 4);

        JsonNode run = data.process("plot.png", png);
        long id = run.path("object_id").asLong();
        String runId = id + "-graph-image";

        assertThat(run.path("reason").asText()).isEqualTo("PNG image 5x4 into the graph with 0 tags");
        JsonNode graph = data.objectGraph(id);
        assertThat(node(graph, "object:" + id)).isEqualTo(expectedNode("object:" + id, List.of("Image"), Map.of("object_id", id, "name", "plot.png",
                "format", "PNG", "content_type", "image/png", "width", 5, "height", 4, "size", png.length, "sha256", sha256(png),
                "zl_object_id", id, "zl_run_id", runId)));
        assertThat(relationships(graph)).containsExactly("object:" + id + " -IN_PROJECT-> project:" + project, "user:admin -UPLOADED-> object:" + id);
        assertThat(asSet(data.graphExport(id))).isEqualTo(asSet(graph));
        assertThat(data.lineageItems(id)).containsExactly("graph nodes Image 1 " + runId, "graph relationships IN_PROJECT 1 " + runId,
                "graph relationships UPLOADED 1 " + runId);
    }

    @Test
    void extractsTheExifOfAJpegAndTagsItWithItsTemplateValues() {
        String base = LakeClient.projectPath(project);
        LakeClient.expect(201, lake.send("POST", base + "/templates", Map.of("name", "photos",
                "fields", List.of(Map.of("name", "site", "type", "text")))));

        JsonNode run = data.process("summit.jpg", TestFiles.jpegWithExif(), "{\"template\": \"photos\", \"values\": {\"site\": \"north ridge\"}}");
        long id = run.path("object_id").asLong();
        String runId = id + "-graph-image";

        assertThat(run.path("reason").asText()).isEqualTo("JPEG image 8x6 into the graph with 1 tag");
        JsonNode graph = data.objectGraph(id);
        JsonNode image = node(graph, "object:" + id);
        assertThat(image.path("labels")).isEqualTo(json(List.of("Image")));
        JsonNode properties = image.path("properties");
        assertThat(properties.path("format").asText()).isEqualTo("JPEG");
        assertThat(properties.path("content_type").asText()).isEqualTo("image/jpeg");
        assertThat(List.of(properties.path("width").asInt(), properties.path("height").asInt(), properties.path("orientation").asInt()))
                .containsExactly(8, 6, 6);
        assertThat(properties.path("camera_make").asText()).isEqualTo("Zonelake");
        assertThat(properties.path("camera_model").asText()).isEqualTo("Test Cam 1");
        assertThat(properties.path("taken_at").asText()).isEqualTo("2024-05-01T10:20:30+02:00");
        assertThat(properties.path("f_number").asDouble()).isEqualTo(2.8);
        assertThat(properties.path("gps_latitude").asDouble()).isCloseTo(52.52, within(1e-9));
        assertThat(properties.path("gps_longitude").asDouble()).isCloseTo(-13.41, within(1e-9));
        assertThat(properties.path("gps_altitude_m").asDouble()).isEqualTo(34.0);
        assertThat(node(graph, "tag:site=north ridge")).isEqualTo(expectedNode("tag:site=north ridge", List.of("Tag"),
                Map.of("field", "site", "value", "north ridge")));
        assertThat(relationships(graph)).containsExactly("object:" + id + " -IN_PROJECT-> project:" + project,
                "object:" + id + " -TAGGED-> tag:site=north ridge", "user:admin -UPLOADED-> object:" + id);
        assertThat(data.sources("zone=graph&key=" + LakeClient.encode("tag:site=north ridge"))).containsExactly(id + " " + runId);
    }

    @Test
    void failsAGraphDocumentLinkingToAnUnknownNodeAndWritesNothing() {
        String json = "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"links\": [{\"source\": \"a\", \"target\": \"b\"}, "
                + "{\"source\": \"a\", \"target\": \"zed\"}]}";

        JsonNode run = data.process("dangling.json", TestFiles.utf8(json));

        assertThat(run.path("pipeline").asText()).isEqualTo("graph-json");
        data.assertRejectedWithoutGoldRecords(run, "failed", "link index 1 refers to the unknown node 'zed' as its target; nothing was written");
    }

    @Test
    void failsAPngCutShortAndWritesNothing() {
        byte[] png = TestFiles.image("png", 40, 40);

        JsonNode run = data.process("cut.png", Arrays.copyOf(png, png.length - 30));

        data.assertRejectedWithoutGoldRecords(run, "failed", "unreadable PNG: the file is cut short (");
        assertThat(run.path("reason").asText()).endsWith("; nothing was written");
    }

    @Test
    void failsAJpegCutShortAndWritesNothing() {
        byte[] jpeg = TestFiles.jpegWithExif();

        JsonNode run = data.process("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));

        data.assertRejectedWithoutGoldRecords(run, "failed", "unreadable JPEG: the file is cut short (");
    }

    @Test
    void redoingTheRunOrItsLoadStepLeavesTheSameGraph() {
        JsonNode first = data.process("people-links.json", TestFiles.resource("people-links.json"));
        long id = first.path("object_id").asLong();
        String runId = first.path("id").asText();
        var graph = asSet(data.objectGraph(id));
        var export = asSet(lake.json(LakeClient.projectPath(project) + "/graph/export"));
        List<String> lineage = data.lineageItems(id);

        JsonNode whole = lake.redo(project, runId, null);
        var graphAfterWhole = asSet(data.objectGraph(id));
        JsonNode fromLoad = lake.redo(project, runId, Map.of("step", "load"));

        assertThat(whole.path("state").asText()).isEqualTo("succeeded");
        assertThat(fromLoad.path("state").asText()).isEqualTo("succeeded");
        assertThat(graphAfterWhole).isEqualTo(graph);
        assertThat(asSet(data.objectGraph(id))).isEqualTo(graph);
        assertThat(asSet(lake.json(LakeClient.projectPath(project) + "/graph/export"))).isEqualTo(export);
        assertThat(data.lineageItems(id)).isEqualTo(lineage);
        assertThat(graph).hasSize(6 + 8);
    }

    @Test
    void redoingTheExtractStepOfAnImageLeavesTheSameNode() {
        JsonNode first = data.process("summit.jpg", TestFiles.jpegWithExif());
        long id = first.path("object_id").asLong();
        var graph = asSet(data.objectGraph(id));

        JsonNode redone = lake.redo(project, first.path("id").asText(), Map.of("step", "extract"));

        assertThat(redone.path("state").asText()).isEqualTo("succeeded");
        assertThat(asSet(data.objectGraph(id))).isEqualTo(graph).hasSize(3 + 2);
    }

    private static JsonNode expectedNode(String key, List<String> labels, Map<String, Object> properties) {
        return json(Map.of("key", key, "labels", labels, "properties", properties));
    }

    /** The value as the API would send it: through JSON text, so that numbers take the node types a reader gives them. */
    private static JsonNode json(Object value) {
        try {
            return LakeClient.JSON.readTree(LakeClient.JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
