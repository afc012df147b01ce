package org.zonelake.ingest.processed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.graph.Subgraph;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;
import org.zonelake.ingest.service.StoreRequest;

class GraphRoutesTest {
    private static final String PROJECT = "graph";
    private static final String GRAPH = "/api/v1/projects/" + PROJECT + "/graph";
    private static final int MANY = 3000;
    private static TestLake lake;
    private static String reader;
    private static long sunset;
    private static long harbour;
    private static long survey;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        lake.createProject(PROJECT);
        lake.createProject("elsewhere");
        reader = lake.tokenFor(PROJECT, ProjectRole.READER);
        sunset = store("sunset.jpg");
        harbour = store("harbour.jpg");
        survey = store("survey.json");
        GraphStore graph = lake.process().graph();
        graph.replaceSubgraph(new Provenance(PROJECT, sunset, sunset + "-graph-image"), new Subgraph(
                List.of(image(sunset), new GraphNode("camera:nikon", List.of("Camera"), Map.of("model", "Nikon D750"), true),
                        new GraphNode("tag:sunset", List.of("Tag"), Map.of(), true)),
                List.of(new GraphRelationship("TAKEN_WITH", "image:" + sunset, "camera:nikon", Map.of()),
                        new GraphRelationship("TAGGED", "image:" + sunset, "tag:sunset", Map.of("confidence", 0.9)))));
        graph.replaceSubgraph(new Provenance(PROJECT, harbour, harbour + "-graph-image"), new Subgraph(
                List.of(image(harbour), new GraphNode("camera:nikon", List.of("Camera"), Map.of(), true)),
                List.of(new GraphRelationship("TAKEN_WITH", "image:" + harbour, "camera:nikon", Map.of()))));
        graph.replaceSubgraph(new Provenance(PROJECT, survey, survey + "-graph-json"), many(survey));
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    private static long store(String name) {
        return lake.ingest().store(new StoreRequest(PROJECT, "alice", name, null, Map.of(), null, null, null),
                new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8))).id();
    }

    private static GraphNode image(long objectId) {
        return new GraphNode("image:" + objectId, List.of("Image"), Map.of("width", 640L, "height", 480L), false);
    }

    /** A station with {@value #MANY} sensors, each measuring it. */
    private static Subgraph many(long objectId) {
        List<GraphNode> nodes = new ArrayList<>(List.of(new GraphNode("station:" + objectId, List.of("Station"), Map.of(), false)));
        List<GraphRelationship> relationships = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            nodes.add(new GraphNode("sensor:" + objectId + ":" + i, List.of("Sensor"), Map.of("index", (long) i, "name", "sensor \"" + i + "\""),
                    false));
            relationships.add(new GraphRelationship("MEASURES", "sensor:" + objectId + ":" + i, "station:" + objectId, Map.of("since", 2024L)));
        }
        return new Subgraph(nodes, relationships);
    }

    @Test
    void showsTheNeighbourhoodOfANode() {
        Response answer = lake.get(GRAPH + "/nodes/camera:nikon/neighbourhood", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(keys(answer.json().path("nodes"))).containsExactlyInAnyOrder("camera:nikon", "image:" + sunset, "image:" + harbour);
        assertThat(answer.json().path("relationships")).hasSize(2);
        JsonNode relationship = answer.json().path("relationships").get(0);
        assertThat(relationship.path("type").asText()).isEqualTo("TAKEN_WITH");
        assertThat(relationship.path("to").asText()).isEqualTo("camera:nikon");
        assertThat(relationship.path("from").asText()).startsWith("image:");
        JsonNode camera = node(answer.json().path("nodes"), "camera:nikon");
        assertThat(camera.path("labels").toString()).isEqualTo("[\"Camera\"]");
        assertThat(camera.path("properties").path("model").asText()).isEqualTo("Nikon D750");
    }

    @Test
    void deeperNeighbourhoodsReachFurtherAndLimitsCapTheNodes() {
        Response deep = lake.get(GRAPH + "/nodes/tag:sunset/neighbourhood?depth=3", reader);
        Response capped = lake.get(GRAPH + "/nodes/tag:sunset/neighbourhood?depth=3&limit=2", reader);

        assertThat(keys(deep.json().path("nodes"))).contains("image:" + harbour, "camera:nikon");
        assertThat(capped.json().path("nodes")).hasSize(2);
    }

    @Test
    void anUnknownNodeIsNotFoundAndBadParametersAreRefused() {
        assertThat(lake.get(GRAPH + "/nodes/camera:canon/neighbourhood", reader).code()).isEqualTo("node_not_found");
        assertThat(lake.get(GRAPH + "/nodes/camera:nikon/neighbourhood?depth=0", reader).json().path("parameter").asText()).isEqualTo("depth");
        assertThat(lake.get(GRAPH + "/nodes/camera:nikon/neighbourhood?depth=6", reader).json().path("parameter").asText()).isEqualTo("depth");
        assertThat(lake.get(GRAPH + "/nodes/camera:nikon/neighbourhood?limit=5000", reader).json().path("parameter").asText()).isEqualTo("limit");
        assertThat(lake.get(GRAPH + "/nodes/camera:nikon/neighbourhood?hops=2", reader).code()).isEqualTo("invalid_request");
    }

    @Test
    void showsWhatAnObjectWrote() {
        Response answer = lake.get("/api/v1/projects/" + PROJECT + "/objects/" + sunset + "/graph", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(keys(answer.json().path("nodes"))).containsExactlyInAnyOrder("image:" + sunset, "camera:nikon", "tag:sunset");
        assertThat(answer.json().path("relationships").findValuesAsText("type")).containsExactlyInAnyOrder("TAKEN_WITH", "TAGGED");
        JsonNode image = node(answer.json().path("nodes"), "image:" + sunset);
        assertThat(image.path("properties").path("zl_object_id").asLong()).isEqualTo(sunset);
        assertThat(lake.get("/api/v1/projects/" + PROJECT + "/objects/999999/graph", reader).code()).isEqualTo("object_not_found");
    }

    @Test
    void exportsTheWholeGraphAsNodesAndRelationships() {
        Response answer = lake.get(GRAPH + "/export", reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(answer.header("Content-Disposition").orElseThrow()).startsWith("attachment").contains(PROJECT + "-graph.json");
        JsonNode json = answer.json();
        assertThat(json.fieldNames()).toIterable().containsExactly("nodes", "relationships");
        assertThat(json.path("nodes")).hasSize(4 + 1 + MANY);
        assertThat(json.path("relationships")).hasSize(3 + MANY);
        assertThat(json.path("relationships").get(0).fieldNames()).toIterable().containsExactly("type", "from", "to", "properties");
        JsonNode sensor = node(json.path("nodes"), "sensor:" + survey + ":7");
        assertThat(sensor.path("properties").path("name").asText()).isEqualTo("sensor \"7\"");
    }

    @Test
    void exportsOneObjectsPart() {
        JsonNode json = lake.get(GRAPH + "/export?object_id=" + harbour, reader).json();

        assertThat(keys(json.path("nodes"))).containsExactlyInAnyOrder("image:" + harbour, "camera:nikon");
        assertThat(json.path("relationships")).hasSize(1);
        assertThat(json.path("relationships").get(0).path("from").asText()).isEqualTo("image:" + harbour);
        assertThat(lake.get(GRAPH + "/export?object_id=abc", reader).json().path("parameter").asText()).isEqualTo("object_id");
    }

    @Test
    void theGraphNeedsATokenAndTheProject() {
        assertThat(lake.get(GRAPH + "/export", null).status()).isEqualTo(401);
        assertThat(lake.get(GRAPH + "/export", lake.tokenFor("elsewhere", ProjectRole.READER)).status()).isEqualTo(403);
        assertThat(lake.get("/api/v1/projects/missing/graph/export", lake.adminToken()).code()).isEqualTo("project_not_found");
    }

    private static List<String> keys(JsonNode nodes) {
        List<String> keys = new ArrayList<>();
        nodes.forEach(node -> keys.add(node.path("key").asText()));
        return keys;
    }

    private static JsonNode node(JsonNode nodes, String key) {
        for (JsonNode node : nodes) {
            if (node.path("key").asText().equals(key)) {
                return node;
            }
        }
        throw new AssertionError("No node " + key + " among " + keys(nodes));
    }
}
