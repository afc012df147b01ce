package org.zonelake.pipelines.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.StepResult.Outcome;
import org.zonelake.pipelines.TestStepContext;

class GraphJsonPipelineTest {
    private static final String PROJECT = "lab";
    private static final long OBJECT = 5;

    @TempDir
    Path directory;

    private final FakeGraphStore store = new FakeGraphStore();

    @Test
    void readsNodesAndLinksIntoNodesOwnedByTheObject() throws Exception {
        StepResult result = load(GraphJsonConfig.defaults()).run(context(resource("people-links.json")));

        assertThat(result).isEqualTo(StepResult.succeeded("3 nodes and 3 relationships into the graph"));
        assertThat(node("o5:ada")).isEqualTo(new GraphNode("o5:ada", List.of("Person"), Map.of("id", "ada", "name", "Ada Lovelace",
                "born", 1815L, "address.city", "London", "address.geo.lat", 51.5, "address.geo.lon", -0.12), false));
        assertThat(node("o5:charles")).isEqualTo(new GraphNode("o5:charles", List.of("Person", "Inventor"),
                Map.of("id", "charles", "name", "Charles Babbage", "tags", List.of("math", "engines")), false));
        assertThat(node("o5:3")).isEqualTo(new GraphNode("o5:3", List.of("research_group"), Map.of("id", "3", "name", "Analytical Engine",
                "scores", List.of(1.0, 2.5), "notes", "[{\"a\":1}]"), false));
        assertThat(store.ofObject(PROJECT, OBJECT).relationships()).contains(
                new GraphRelationship("works_with", "o5:ada", "o5:charles", Map.of("since", 1833L)),
                new GraphRelationship("LEADS", "o5:charles", "o5:3", Map.of()),
                new GraphRelationship("LINKED_TO", "o5:ada", "o5:3", Map.of()));
    }

    @Test
    void addsADocumentNodeInTheProjectUploadedByItsUploaderContainingTheNodes() throws Exception {
        load(GraphJsonConfig.defaults()).run(context(resource("people-links.json")));

        assertThat(node("object:5")).isEqualTo(new GraphNode("object:5", List.of("Document"),
                Map.of("object_id", 5L, "name", "people-links.json", "content_type", "application/json"), false));
        assertThat(node("project:lab")).isEqualTo(new GraphNode("project:lab", List.of("Project"), Map.of("name", "lab"), true));
        assertThat(node("user:alice")).isEqualTo(new GraphNode("user:alice", List.of("User"), Map.of("name", "alice"), true));
        assertThat(store.relationships(PROJECT, OBJECT, "IN_PROJECT")).containsExactly("object:5 -> project:lab");
        assertThat(store.relationships(PROJECT, OBJECT, "UPLOADED")).containsExactly("user:alice -> object:5");
        assertThat(store.relationships(PROJECT, OBJECT, "CONTAINS"))
                .containsExactlyInAnyOrder("object:5 -> o5:ada", "object:5 -> o5:charles", "object:5 -> o5:3");
    }

    @Test
    void readsD3EdgesWhoseEndsAreNodeObjectsAndSanitisesNames() throws Exception {
        StepResult result = load(GraphJsonConfig.defaults()).run(context(resource("d3-edges.json")));

        assertThat(result.isSuccess()).isTrue();
        assertThat(node("o5:a").labels()).containsExactly("Node");
        assertThat(node("o5:b")).isEqualTo(new GraphNode("o5:b", List.of("Node"), Map.of("id", "b", "group", 2L), false));
        assertThat(store.ofObject(PROJECT, OBJECT).relationships())
                .contains(new GraphRelationship("_1st_hop", "o5:a", "o5:b", Map.of("weight", 0.5)));
    }

    @Test
    void loadingAgainReplacesTheObjectsSubgraph() throws Exception {
        PipelineStep load = load(GraphJsonConfig.defaults());
        load.run(context(resource("people-links.json")));
        var first = store.ofObject(PROJECT, OBJECT);

        assertThat(load.run(context(resource("people-links.json"))).isSuccess()).isTrue();

        assertThat(store.replaces()).isEqualTo(2);
        assertThat(store.ofObject(PROJECT, OBJECT)).isEqualTo(first);
    }

    @Test
    void failsOnALinkToAnUnknownNodeAndWritesNothing() throws Exception {
        StepResult result = run("{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"a\"}, "
                + "{\"source\": \"a\", \"target\": \"zed\"}]}");

        assertThat(result).isEqualTo(StepResult.failed("link index 1 refers to the unknown node 'zed' as its target; nothing was written"));
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void failsOnANodeWithoutIdOrALinkWithoutSource() throws Exception {
        assertThat(run("{\"nodes\": [{\"id\": \"a\"}, {\"name\": \"b\"}]}"))
                .isEqualTo(StepResult.failed("node index 1 has no id (a string or a number); nothing was written"));
        assertThat(run("{\"nodes\": [{\"id\": \"a\"}], \"edges\": [{\"target\": \"a\"}]}"))
                .isEqualTo(StepResult.failed("edge index 0 has no source (a node id, or an object with an id); nothing was written"));
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void readsADocumentOfNodesWithoutLinks() throws Exception {
        assertThat(run("{\"nodes\": [{\"id\": 1, \"labels\": \"Station\"}]}"))
                .isEqualTo(StepResult.succeeded("1 node and 0 relationships into the graph"));
        assertThat(node("o5:1").labels()).containsExactly("Station");
    }

    @Test
    void failsOnTwoNodesWithOneId() throws Exception {
        assertThat(run("{\"nodes\": [{\"id\": 1}, {\"id\": \"2\"}, {\"id\": \"1\"}]}"))
                .isEqualTo(StepResult.failed("node index 2 has the id '1' of node index 0; nothing was written"));
    }

    @Test
    void failsOverTheNodeOrLinkLimitNamingIt() throws Exception {
        PipelineStep small = load(new GraphJsonConfig(2, 1));

        assertThat(small.run(context(resource("people-links.json"))))
                .isEqualTo(StepResult.failed("the graph has more than 2 nodes, the limit (ZONELAKE_PIPELINE_GRAPH_JSON_MAX_NODES); "
                        + "nothing was written"));
        assertThat(small.run(context(file("{\"links\": [{\"source\": 1, \"target\": 1}, {\"source\": 1, \"target\": 1}], \"nodes\": []}"))))
                .isEqualTo(StepResult.failed("the graph has more than 1 links, the limit (ZONELAKE_PIPELINE_GRAPH_JSON_MAX_RELATIONSHIPS); "
                        + "nothing was written"));
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void failsOnBrokenJsonWithItsLine() throws Exception {
        StepResult result = run("{\"nodes\": [{\"id\": \"a\"},\n  {\"id\": \"b\"]}");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).isEqualTo("Cannot read the JSON at line 2, column 13: Unexpected close marker ']': "
                + "expected '}' (for Object starting at [line: 2, column: 3]); nothing was written");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void doesNotHandleJsonThatIsNoGraphDocument() throws Exception {
        assertThat(run("[{\"id\": 1}]"))
                .isEqualTo(StepResult.notHandled("not a graph document: the JSON is not an object with a 'nodes' array"));
        assertThat(run("{\"vertices\": []}"))
                .isEqualTo(StepResult.notHandled("not a graph document: the JSON object has no 'nodes' array"));
        assertThat(run("{\"nodes\": 3}")).isEqualTo(StepResult.notHandled("'nodes' is not an array"));
    }

    @Test
    void tellsGraphDocumentsFromOtherJson() throws IOException {
        assertThat(GraphDocument.isGraph(resource("people-links.json"))).isTrue();
        assertThat(GraphDocument.isGraph(resource("d3-edges.json"))).isTrue();
        assertThat(GraphDocument.isGraph(file("{\"meta\": {\"nodes\": []}, \"rows\": [1]}"))).isFalse();
        assertThat(GraphDocument.isGraph(file("[{\"nodes\": []}]"))).isFalse();
        assertThat(GraphDocument.isGraph(file("{\"nodes\": [], \"info\": {\"links\": []}}"))).isFalse();
        assertThat(GraphDocument.isGraph(file("{\"nodes\": [], \"edges\": [oops"))).isFalse();
        assertThat(GraphDocument.isGraph(file("{oops"))).isFalse();
    }

    private StepResult run(String json) throws Exception {
        return load(GraphJsonConfig.defaults()).run(context(file(json)));
    }

    private PipelineStep load(GraphJsonConfig config) {
        GraphJsonPipeline pipeline = new GraphJsonPipeline(store, config);
        assertThat(pipeline.name()).isEqualTo("graph-json");
        assertThat(pipeline.stepNames()).containsExactly("load");
        return pipeline.steps().get(0);
    }

    private GraphNode node(String key) {
        return store.node(PROJECT, OBJECT, key).orElseThrow(() -> new AssertionError("no node " + key));
    }

    private TestStepContext context(Path content) throws IOException {
        return TestStepContext.of(PROJECT, OBJECT, content.getFileName().toString(), "application/json", null, Map.of(), content,
                directory.resolve("work"));
    }

    private Path resource(String name) throws IOException {
        Path copy = directory.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/graph/" + name)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private Path file(String content) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "graph", ".json"), content);
    }
}
