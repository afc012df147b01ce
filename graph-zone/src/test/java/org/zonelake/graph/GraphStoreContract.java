package org.zonelake.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.GoldZone;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.graph.Subgraph;

/**
 * What every {@link GraphStore} must do; extend it once per backend. Each test writes to projects of its own
 * (random names), so the suite needs no empty database and runs against a shared server too.
 */
public abstract class GraphStoreContract {
    protected final String project = "alpha_" + UUID.randomUUID().toString().replace("-", "");
    protected final String otherProject = "beta_" + UUID.randomUUID().toString().replace("-", "");

    protected abstract GraphStore store();

    @Test
    public void readsBackTheNodesLabelsPropertiesAndRelationshipsItWrote() {
        store().replaceSubgraph(run(7, "r1"), new Subgraph(
                List.of(node("cast-1", List.of("Cast", "Measurement"), Map.of("depth", 12L, "ratio", 0.5, "ok", true, "site", "north",
                                "tags", List.of("a", "b"), "levels", List.of(1L, 2L))),
                        node("cast-2", List.of("Cast"), Map.of()),
                        shared("vessel:aurora", "Vessel", Map.of("name", "Aurora"))),
                List.of(rel("NEXT", "cast-1", "cast-2", Map.of("gap_minutes", 30L)), rel("FROM", "cast-1", "vessel:aurora", Map.of()))));

        Subgraph graph = store().ofObject(project, 7);

        assertThat(graph.nodes()).extracting(GraphNode::key, GraphNode::labels, GraphNode::shared).containsExactlyInAnyOrder(
                tuple("cast-1", List.of("Cast", "Measurement"), false), tuple("cast-2", List.of("Cast"), false),
                tuple("vessel:aurora", List.of("Vessel"), true));
        assertThat(node(graph, "cast-1").properties()).isEqualTo(Map.of("depth", 12L, "ratio", 0.5, "ok", true, "site", "north",
                "tags", List.of("a", "b"), "levels", List.of(1L, 2L), GraphStore.OBJECT_PROPERTY, 7L, GraphStore.RUN_PROPERTY, "r1"));
        assertThat(node(graph, "vessel:aurora").properties()).isEqualTo(Map.of("name", "Aurora"));
        assertThat(graph.relationships()).extracting(GraphRelationship::type, GraphRelationship::fromKey, GraphRelationship::toKey)
                .containsExactlyInAnyOrder(tuple("NEXT", "cast-1", "cast-2"), tuple("FROM", "cast-1", "vessel:aurora"));
        assertThat(relationship(graph, "NEXT").properties())
                .isEqualTo(Map.of("gap_minutes", 30L, GraphStore.OBJECT_PROPERTY, 7L, GraphStore.RUN_PROPERTY, "r1"));
    }

    @Test
    public void exportsTheProjectOrOneObjectsPart() {
        store().replaceSubgraph(run(1, "r1"), castsOnVessel("a", 2, "vessel:aurora"));
        store().replaceSubgraph(run(2, "r2"), castsOnVessel("b", 3, "vessel:aurora"));

        Subgraph all = exported(null);
        Subgraph second = exported(2L);

        assertThat(all.nodes()).extracting(GraphNode::key).containsExactly("a-0", "a-1", "b-0", "b-1", "b-2", "vessel:aurora");
        assertThat(all.relationships()).hasSize(5);
        assertThat(second.nodes()).extracting(GraphNode::key).containsExactly("b-0", "b-1", "b-2", "vessel:aurora");
        assertThat(second.relationships()).extracting(GraphRelationship::fromKey).containsExactlyInAnyOrder("b-0", "b-1", "b-2");
        assertThat(second.relationships()).allSatisfy(r -> assertThat(r.properties()).containsEntry(GraphStore.RUN_PROPERTY, "r2"));
    }

    @Test
    public void writingTheSameSubgraphTwiceLeavesTheSameGraph() {
        Subgraph graph = castsOnVessel("c", 3, "vessel:aurora");

        store().replaceSubgraph(run(1, "r1"), graph);
        Subgraph once = exported(null);
        store().replaceSubgraph(run(1, "r2"), graph);
        Subgraph twice = exported(null);

        assertThat(twice.nodes()).hasSameSizeAs(once.nodes()).extracting(GraphNode::key)
                .containsExactlyElementsOf(once.nodes().stream().map(GraphNode::key).toList());
        assertThat(twice.relationships()).hasSameSizeAs(once.relationships());
        assertThat(store().derivedFrom(project, 1)).extracting(DerivedRecords::name, DerivedRecords::count, DerivedRecords::runId)
                .containsExactlyInAnyOrder(tuple("Cast", 3L, "r2"), tuple("ON", 3L, "r2"));
    }

    @Test
    public void aRewriteWithFewerNodesRemovesTheRest() {
        store().replaceSubgraph(run(1, "r1"), castsOnVessel("c", 4, "vessel:aurora"));

        store().replaceSubgraph(run(1, "r2"), castsOnVessel("c", 2, "vessel:aurora"));

        Subgraph graph = exported(null);
        assertThat(graph.nodes()).extracting(GraphNode::key).containsExactly("c-0", "c-1", "vessel:aurora");
        assertThat(graph.relationships()).extracting(GraphRelationship::fromKey).containsExactlyInAnyOrder("c-0", "c-1");
    }

    @Test
    public void aRewriteReplacesTheLabelsAndPropertiesOfNodesThatStay() {
        store().replaceSubgraph(run(1, "r1"), new Subgraph(List.of(node("k", List.of("Draft", "Cast"), Map.of("old", "x", "depth", 1L))), List.of()));

        store().replaceSubgraph(run(1, "r2"), new Subgraph(List.of(node("k", List.of("Cast", "Final"), Map.of("depth", 2L))), List.of()));

        assertThat(exported(null).nodes()).singleElement().satisfies(k -> {
            assertThat(k.labels()).containsExactly("Cast", "Final");
            assertThat(k.properties()).isEqualTo(Map.of("depth", 2L, GraphStore.OBJECT_PROPERTY, 1L, GraphStore.RUN_PROPERTY, "r2"));
        });
    }

    @Test
    public void relationshipsOfOtherObjectsToANodeThatStaysSurviveItsRewrite() {
        store().replaceSubgraph(run(1, "r1"), new Subgraph(List.of(node("station-9", List.of("Station"), Map.of()),
                node("station-8", List.of("Station"), Map.of())), List.of()));
        store().replaceSubgraph(run(2, "r2"), new Subgraph(List.of(node("cast-1", List.of("Cast"), Map.of())),
                List.of(rel("AT", "cast-1", "station-9", Map.of()), rel("NEAR", "cast-1", "station-8", Map.of()))));

        store().replaceSubgraph(run(1, "r3"), new Subgraph(List.of(node("station-9", List.of("Station"), Map.of())), List.of()));

        assertThat(exported(null).relationships()).extracting(GraphRelationship::type, GraphRelationship::toKey)
                .containsExactly(tuple("AT", "station-9"));
    }

    @Test
    public void anObjectMayTurnItsOwnNodeIntoASharedOne() {
        store().replaceSubgraph(run(1, "r1"), new Subgraph(List.of(node("tag:ctd", List.of("Tag"), Map.of())), List.of()));

        store().replaceSubgraph(run(1, "r2"), new Subgraph(List.of(shared("tag:ctd", "Tag", Map.of())), List.of()));

        assertThat(exported(null).nodes()).extracting(GraphNode::key, GraphNode::shared).containsExactly(tuple("tag:ctd", true));
    }

    @Test
    public void sharedNodesAreSharedByObjectsAndSurviveTheirRewrites() {
        store().replaceSubgraph(run(1, "r1"), castsOnVessel("a", 1, "vessel:aurora"));
        store().replaceSubgraph(run(2, "r2"), castsOnVessel("b", 1, "vessel:aurora"));

        store().replaceSubgraph(run(1, "r3"), new Subgraph(List.of(), List.of()));

        Subgraph graph = exported(null);
        assertThat(graph.nodes()).extracting(GraphNode::key).containsExactly("b-0", "vessel:aurora");
        assertThat(graph.relationships()).extracting(GraphRelationship::fromKey, GraphRelationship::toKey)
                .containsExactly(tuple("b-0", "vessel:aurora"));
        assertThat(store().neighbourhood(project, "vessel:aurora", 1, 10).nodes()).hasSize(2);
    }

    @Test
    public void aSharedNodeKeepsOneCopyAndGathersLabelsAndProperties() {
        store().replaceSubgraph(run(1, "r1"), new Subgraph(List.of(shared("tag:ctd", "Tag", Map.of("name", "CTD"))), List.of()));
        store().replaceSubgraph(run(2, "r2"), new Subgraph(List.of(shared("tag:ctd", "Topic", Map.of("colour", "blue"))), List.of()));

        Subgraph graph = exported(null);

        assertThat(graph.nodes()).singleElement().satisfies(tag -> {
            assertThat(tag.labels()).containsExactly("Tag", "Topic");
            assertThat(tag.properties()).isEqualTo(Map.of("name", "CTD", "colour", "blue"));
        });
    }

    @Test
    public void relationshipsBetweenSharedNodesBelongToTheObjectThatWroteThem() {
        Subgraph edges = new Subgraph(List.of(shared("person:ada", "Person", Map.of()), shared("person:bob", "Person", Map.of())),
                List.of(rel("KNOWS", "person:ada", "person:bob", Map.of("since", 1843L))));
        store().replaceSubgraph(run(1, "r1"), edges);
        store().replaceSubgraph(run(2, "r2"), edges);

        store().replaceSubgraph(run(1, "r3"), new Subgraph(edges.nodes(), List.of()));

        assertThat(exported(null).relationships()).singleElement()
                .satisfies(r -> assertThat(r.properties()).containsEntry(GraphStore.OBJECT_PROPERTY, 2L));
        assertThat(store().ofObject(project, 1).relationships()).isEmpty();
    }

    @Test
    public void relationshipsMayPointToNodesOfOtherObjects() {
        store().replaceSubgraph(run(1, "r1"), new Subgraph(List.of(node("station-9", List.of("Station"), Map.of())), List.of()));

        store().replaceSubgraph(run(2, "r2"), new Subgraph(List.of(node("cast-1", List.of("Cast"), Map.of())),
                List.of(rel("AT", "cast-1", "station-9", Map.of()))));

        assertThat(store().ofObject(project, 2).nodes()).extracting(GraphNode::key).containsExactlyInAnyOrder("cast-1", "station-9");
    }

    @Test
    public void rejectsADanglingRelationshipAndKeepsWhatWasThere() {
        store().replaceSubgraph(run(1, "r1"), castsOnVessel("c", 2, "vessel:aurora"));
        Subgraph dangling = new Subgraph(List.of(node("c-9", List.of("Cast"), Map.of())), List.of(rel("ON", "c-9", "vessel:ghost", Map.of())));

        assertThatThrownBy(() -> store().replaceSubgraph(run(1, "r2"), dangling))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DATA))
                .hasMessageContaining("vessel:ghost");

        assertThat(exported(null).nodes()).extracting(GraphNode::key).containsExactly("c-0", "c-1", "vessel:aurora");
        assertThat(exported(null).relationships()).hasSize(2);
    }

    @Test
    public void rejectsAnOwnedNodeWhoseKeyAnotherObjectOwns() {
        store().replaceSubgraph(run(1, "r1"), new Subgraph(List.of(node("k", List.of("Cast"), Map.of())), List.of()));

        assertThatThrownBy(() -> store().replaceSubgraph(run(2, "r2"), new Subgraph(List.of(node("k", List.of("Cast"), Map.of())), List.of())))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DATA));
        assertThatThrownBy(() -> store().replaceSubgraph(run(2, "r2"), new Subgraph(List.of(shared("k", "Cast", Map.of())), List.of())))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DATA));
        assertThat(store().ofObject(project, 2).nodes()).isEmpty();
    }

    @Test
    public void rejectsBadLabelsTypesAndPropertiesBeforeWritingAnything() {
        List<Subgraph> bad = List.of(
                new Subgraph(List.of(node("n", List.of("Bad Label"), Map.of())), List.of()),
                new Subgraph(List.of(node("n", List.of("Cast`) DETACH DELETE (x"), Map.of())), List.of()),
                new Subgraph(List.of(node("n", List.of("ZlNode"), Map.of())), List.of()),
                new Subgraph(List.of(node("n", List.of("Cast"), Map.of())), List.of(rel("9LIVES", "n", "n", Map.of()))),
                new Subgraph(List.of(node("n", List.of("Cast"), Map.of("nested", Map.of("a", 1)))), List.of()),
                new Subgraph(List.of(node("n", List.of("Cast"), Map.of("mixed", List.of(1, "a")))), List.of()),
                new Subgraph(List.of(node("n", List.of("Cast"), Map.of("zl_project", "other"))), List.of()),
                new Subgraph(List.of(node("n", List.of("Cast"), Map.of()), node("n", List.of("Cast"), Map.of())), List.of()));

        for (Subgraph graph : bad) {
            assertThatThrownBy(() -> store().replaceSubgraph(run(1, "r1"), graph))
                    .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code().type()).isEqualTo(ErrorCode.INVALID_DATA.type()));
        }
        assertThat(exported(null).nodes()).isEmpty();
    }

    @Test
    public void readsTheNeighbourhoodToTheRequestedDepth() {
        // a - b - c - d, and e hangs off b
        store().replaceSubgraph(run(1, "r1"), new Subgraph(
                List.of(node("a", List.of("N"), Map.of()), node("b", List.of("N"), Map.of()), node("c", List.of("N"), Map.of()),
                        node("d", List.of("N"), Map.of()), node("e", List.of("N"), Map.of())),
                List.of(rel("LINK", "a", "b", Map.of()), rel("LINK", "c", "b", Map.of()), rel("LINK", "c", "d", Map.of()),
                        rel("LINK", "b", "e", Map.of()))));

        Subgraph depthOne = store().neighbourhood(project, "a", 1, 100);
        Subgraph depthTwo = store().neighbourhood(project, "a", 2, 100);

        assertThat(depthOne.nodes()).extracting(GraphNode::key).containsExactlyInAnyOrder("a", "b");
        assertThat(depthOne.relationships()).extracting(GraphRelationship::fromKey, GraphRelationship::toKey).containsExactly(tuple("a", "b"));
        assertThat(depthTwo.nodes()).extracting(GraphNode::key).containsExactlyInAnyOrder("a", "b", "c", "e");
        assertThat(depthTwo.relationships()).extracting(GraphRelationship::fromKey, GraphRelationship::toKey)
                .containsExactlyInAnyOrder(tuple("a", "b"), tuple("c", "b"), tuple("b", "e"));
        assertThat(store().neighbourhood(project, "a", 2, 2).nodes()).extracting(GraphNode::key).containsExactly("a", "b");
    }

    @Test
    public void aNeighbourhoodOfAnUnknownNodeIsNotFound() {
        assertThatThrownBy(() -> store().neighbourhood(project, "nowhere", 1, 10))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NODE_NOT_FOUND));
    }

    @Test
    public void projectsDoNotSeeEachOther() {
        store().replaceSubgraph(run(1, "r1"), castsOnVessel("c", 2, "vessel:aurora"));
        store().replaceSubgraph(new Provenance(otherProject, 1, "r9"), castsOnVessel("c", 3, "vessel:aurora"));

        assertThat(exported(null).nodes()).hasSize(3);
        assertThat(store().ofObject(project, 1).relationships()).hasSize(2);
        assertThat(store().neighbourhood(project, "vessel:aurora", 1, 100).nodes()).hasSize(3);
        assertThat(store().neighbourhood(otherProject, "vessel:aurora", 1, 100).nodes()).hasSize(4);
        assertThat(store().derivedFrom(otherProject, 1)).extracting(DerivedRecords::name, DerivedRecords::count, DerivedRecords::runId)
                .containsExactlyInAnyOrder(tuple("Cast", 3L, "r9"), tuple("ON", 3L, "r9"));
        assertThatThrownBy(() -> store().neighbourhood("gamma_" + UUID.randomUUID(), "c-0", 1, 10))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NODE_NOT_FOUND));
    }

    @Test
    public void countsWhatTheObjectOwnsPerLabelAndWrotePerRelationshipType() {
        store().replaceSubgraph(run(5, "r5"), new Subgraph(
                List.of(node("c1", List.of("Cast", "Measurement"), Map.of()), node("c2", List.of("Cast"), Map.of()),
                        shared("vessel:aurora", "Vessel", Map.of())),
                List.of(rel("ON", "c1", "vessel:aurora", Map.of()), rel("ON", "c2", "vessel:aurora", Map.of()), rel("NEXT", "c1", "c2", Map.of()))));

        assertThat(store().derivedFrom(project, 5)).containsExactlyInAnyOrder(
                new DerivedRecords(GoldZone.GRAPH, "nodes", "Cast", 2, 5, "r5"),
                new DerivedRecords(GoldZone.GRAPH, "nodes", "Measurement", 1, 5, "r5"),
                new DerivedRecords(GoldZone.GRAPH, "relationships", "NEXT", 1, 5, "r5"),
                new DerivedRecords(GoldZone.GRAPH, "relationships", "ON", 2, 5, "r5"));
        assertThat(store().derivedFrom(project, 6)).isEmpty();
    }

    @Test
    public void concurrentWritersMergeIntoOneSharedNode() throws Exception {
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int objectId = 1; objectId <= writers; objectId++) {
                long id = objectId;
                writes.add(pool.submit(() -> store().replaceSubgraph(run(id, "r" + id), castsOnVessel("o" + id, 20, "vessel:aurora"))));
            }
            for (Future<?> write : writes) {
                write.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        Subgraph graph = exported(null);
        assertThat(graph.nodes()).filteredOn(GraphNode::shared).extracting(GraphNode::key).containsExactly("vessel:aurora");
        assertThat(graph.nodes()).hasSize(writers * 20 + 1);
        assertThat(graph.relationships()).hasSize(writers * 20);
    }

    @Test
    public void writesSubgraphsLargerThanOneBatch() {
        int casts = 1_100; // more than one batch of 1,000 rows, as the Neo4j adapter writes them
        store().replaceSubgraph(run(1, "r1"), castsOnVessel("c", casts, "vessel:aurora"));

        List<GraphNode> nodes = new ArrayList<>();
        List<GraphRelationship> relationships = new ArrayList<>();
        store().export(project, 1L, nodes::add, relationships::add);

        assertThat(nodes).hasSize(casts + 1);
        assertThat(relationships).hasSize(casts);
    }

    protected Provenance run(long objectId, String runId) {
        return new Provenance(project, objectId, runId);
    }

    protected Subgraph exported(Long objectId) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphRelationship> relationships = new ArrayList<>();
        store().export(project, objectId, nodes::add, relationships::add);
        return new Subgraph(nodes, relationships);
    }

    /** {@code count} casts {@code prefix-0..} (label Cast), each ON the shared vessel. */
    protected static Subgraph castsOnVessel(String prefix, int count, String vessel) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphRelationship> relationships = new ArrayList<>();
        nodes.add(shared(vessel, "Vessel", Map.of()));
        for (int i = 0; i < count; i++) {
            nodes.add(node(prefix + "-" + i, List.of("Cast"), Map.of("index", (long) i)));
            relationships.add(rel("ON", prefix + "-" + i, vessel, Map.of()));
        }
        return new Subgraph(nodes, relationships);
    }

    protected static GraphNode node(String key, List<String> labels, Map<String, Object> properties) {
        return new GraphNode(key, labels, properties, false);
    }

    protected static GraphNode shared(String key, String label, Map<String, Object> properties) {
        return new GraphNode(key, List.of(label), properties, true);
    }

    protected static GraphRelationship rel(String type, String from, String to, Map<String, Object> properties) {
        return new GraphRelationship(type, from, to, properties);
    }

    private static GraphNode node(Subgraph graph, String key) {
        return graph.nodes().stream().filter(n -> n.key().equals(key)).findFirst().orElseThrow();
    }

    private static GraphRelationship relationship(Subgraph graph, String type) {
        return graph.relationships().stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
    }
}
