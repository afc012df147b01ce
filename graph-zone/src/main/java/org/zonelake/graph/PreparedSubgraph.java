package org.zonelake.graph;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.graph.Subgraph;

/**
 * A subgraph checked before any statement runs (names, property values, duplicate keys) and grouped the way the
 * statements need it: nodes by label set and relationships by type, since labels and types are part of the
 * statement text; everything else becomes parameter rows. An owned node's row holds every property it must end up
 * with, bookkeeping included, so that one {@code SET n = row.properties} leaves unchanged values untouched.
 */
final class PreparedSubgraph {
    /** Nodes that share one set of labels; each row is {@code {key, properties}}. */
    record NodeGroup(List<String> labels, List<Map<String, Object>> rows) {}

    /** Relationships of one type; each row is {@code {from, to, properties}}. */
    record RelationshipGroup(String type, List<Map<String, Object>> rows) {}

    private final Provenance provenance;
    private final Map<List<String>, List<Map<String, Object>>> shared = new LinkedHashMap<>();
    private final Map<List<String>, List<Map<String, Object>>> owned = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> relationships = new LinkedHashMap<>();
    private final List<Map<String, Object>> nodeKeys = new ArrayList<>();
    private final List<String> ownedKeys = new ArrayList<>();
    private final Set<String> foreignKeys = new LinkedHashSet<>();

    private PreparedSubgraph(Provenance provenance) {
        this.provenance = provenance;
    }

    /** Throws {@code INVALID_DATA} for anything Neo4j would not store as the lake means it. */
    static PreparedSubgraph of(Provenance provenance, Subgraph graph) {
        requireNonNull(provenance, "provenance is null");
        requireNonNull(graph, "graph is null");
        PreparedSubgraph prepared = new PreparedSubgraph(provenance);
        Set<String> keys = new HashSet<>();
        for (GraphNode node : graph.nodes()) {
            if (!keys.add(node.key())) {
                throw LakeException.of(ErrorCode.INVALID_DATA, "Cannot write the graph of object %d in project %s: node key '%s' appears twice",
                        provenance.objectId(), provenance.project(), node.key());
            }
            prepared.add(node);
        }
        for (GraphRelationship relationship : graph.relationships()) {
            prepared.add(relationship);
            for (String end : List.of(relationship.fromKey(), relationship.toKey())) {
                if (!keys.contains(end)) {
                    prepared.foreignKeys.add(end);
                }
            }
        }
        return prepared;
    }

    private void add(GraphNode node) {
        TreeSet<String> labels = new TreeSet<>();
        node.labels().forEach(label -> labels.add(CypherNames.checked("label", label)));
        Map<String, Object> properties = PropertyValues.stored("node " + node.key(), node.properties());
        if (!node.shared()) {
            properties.putAll(Map.of(GraphStore.PROJECT_PROPERTY, provenance.project(), GraphRecords.KEY_PROPERTY, node.key(),
                    GraphRecords.SHARED_PROPERTY, false, GraphStore.OBJECT_PROPERTY, provenance.objectId(),
                    GraphStore.RUN_PROPERTY, provenance.runId()));
            ownedKeys.add(node.key());
        }
        Map<String, Object> row = Map.of("key", node.key(), "properties", properties);
        (node.shared() ? shared : owned).computeIfAbsent(List.copyOf(labels), l -> new ArrayList<>()).add(row);
        nodeKeys.add(Map.of("key", node.key(), "shared", node.shared()));
    }

    private void add(GraphRelationship relationship) {
        String type = CypherNames.checked("relationship type", relationship.type());
        String owner = String.format("relationship %s from %s to %s", type, relationship.fromKey(), relationship.toKey());
        relationships.computeIfAbsent(type, t -> new ArrayList<>()).add(Map.of(
                "from", relationship.fromKey(), "to", relationship.toKey(), "properties", PropertyValues.stored(owner, relationship.properties())));
    }

    List<NodeGroup> sharedNodes() {
        return shared.entrySet().stream().map(e -> new NodeGroup(e.getKey(), e.getValue())).toList();
    }

    List<NodeGroup> ownedNodes() {
        return owned.entrySet().stream().map(e -> new NodeGroup(e.getKey(), e.getValue())).toList();
    }

    List<RelationshipGroup> relationships() {
        return relationships.entrySet().stream().map(e -> new RelationshipGroup(e.getKey(), e.getValue())).toList();
    }

    Set<String> relationshipTypes() {
        return relationships.keySet();
    }

    /** Every node of the subgraph as {@code {key, shared}}. */
    List<Map<String, Object>> nodeKeys() {
        return nodeKeys;
    }

    /** The keys of the owned nodes. */
    List<String> ownedKeys() {
        return ownedKeys;
    }

    /** Keys that relationships point to but that are not nodes of the subgraph: they must exist in the graph. */
    List<String> foreignKeys() {
        return List.copyOf(foreignKeys);
    }
}
