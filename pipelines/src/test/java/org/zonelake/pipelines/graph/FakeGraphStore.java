package org.zonelake.pipelines.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.RecordSink;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.graph.Subgraph;

/**
 * Each object's subgraph in memory, shared nodes merged by key per project. A replace is checked whole before it
 * takes effect (every relationship joins nodes of the subgraph or shared nodes; no owned key taken by another
 * object), so a bad one changes nothing, like a transaction.
 */
public final class FakeGraphStore implements GraphStore {
    private final Map<String, Subgraph> byObject = new ConcurrentHashMap<>();
    private final Map<String, GraphNode> shared = new ConcurrentHashMap<>();
    private int replaces;

    @Override
    public synchronized void replaceSubgraph(Provenance provenance, Subgraph graph) {
        Set<String> keys = new HashSet<>();
        for (GraphNode node : graph.nodes()) {
            if (!keys.add(node.key())) {
                throw new IllegalArgumentException("Node key " + node.key() + " twice in one subgraph");
            }
        }
        for (GraphRelationship relationship : graph.relationships()) {
            if (!keys.contains(relationship.fromKey()) && !shared.containsKey(sharedKey(provenance.project(), relationship.fromKey()))
                    || !keys.contains(relationship.toKey()) && !shared.containsKey(sharedKey(provenance.project(), relationship.toKey()))) {
                throw new IllegalArgumentException("Relationship joins an unknown node: " + relationship);
            }
        }
        graph.nodes().stream().filter(GraphNode::shared).forEach(node -> shared.put(sharedKey(provenance.project(), node.key()), node));
        byObject.put(provenance.project() + "/" + provenance.objectId(), graph);
        replaces++;
    }

    @Override
    public Subgraph ofObject(String project, long objectId) {
        return byObject.getOrDefault(project + "/" + objectId, new Subgraph(List.of(), List.of()));
    }

    /** The object's node with {@code key}, if it wrote one. */
    public Optional<GraphNode> node(String project, long objectId, String key) {
        return ofObject(project, objectId).nodes().stream().filter(node -> node.key().equals(key)).findFirst();
    }

    /** The object's relationships of one type, as "from -> to". */
    public List<String> relationships(String project, long objectId, String type) {
        List<String> found = new ArrayList<>();
        ofObject(project, objectId).relationships().stream().filter(r -> r.type().equals(type))
                .forEach(r -> found.add(r.fromKey() + " -> " + r.toKey()));
        return found;
    }

    public synchronized int replaces() {
        return replaces;
    }

    public boolean isEmpty() {
        return byObject.isEmpty();
    }

    @Override
    public Subgraph neighbourhood(String project, String key, int depth, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void export(String project, Long objectId, RecordSink<GraphNode> nodes, RecordSink<GraphRelationship> relationships) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DerivedRecords> derivedFrom(String project, long objectId) {
        throw new UnsupportedOperationException();
    }

    private static String sharedKey(String project, String key) {
        return project + "/" + key;
    }
}
