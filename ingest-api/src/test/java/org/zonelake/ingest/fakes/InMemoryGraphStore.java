package org.zonelake.ingest.fakes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.GoldZone;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.RecordSink;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.graph.Subgraph;

/**
 * A graph zone in memory for gateway tests. Nodes an object owns and the relationships it writes carry
 * {@value #PROJECT_PROPERTY}, {@value #OBJECT_PROPERTY} and {@value #RUN_PROPERTY}; shared nodes carry the project
 * only and are merged by key. Relationships are followed both ways for a neighbourhood.
 */
public final class InMemoryGraphStore implements GraphStore {
    private final Map<String, Map<String, GraphNode>> nodesByProject = new HashMap<>();
    private final Map<String, List<GraphRelationship>> relationshipsByProject = new HashMap<>();

    @Override
    public synchronized void replaceSubgraph(Provenance provenance, Subgraph graph) {
        Map<String, GraphNode> nodes = nodesByProject.computeIfAbsent(provenance.project(), p -> new LinkedHashMap<>());
        List<GraphRelationship> relationships = relationshipsByProject.computeIfAbsent(provenance.project(), p -> new ArrayList<>());
        nodes.values().removeIf(node -> !node.shared() && writtenBy(node.properties(), provenance.objectId()));
        relationships.removeIf(relationship -> writtenBy(relationship.properties(), provenance.objectId()));
        for (GraphNode node : graph.nodes()) {
            Map<String, Object> properties = new HashMap<>(node.shared() && nodes.containsKey(node.key())
                    ? nodes.get(node.key()).properties() : Map.of());
            properties.putAll(node.properties());
            properties.putAll(node.shared() ? Map.of(PROJECT_PROPERTY, provenance.project()) : provenance(provenance));
            nodes.put(node.key(), new GraphNode(node.key(), node.labels(), properties, node.shared()));
        }
        for (GraphRelationship relationship : graph.relationships()) {
            Map<String, Object> properties = new HashMap<>(relationship.properties());
            properties.putAll(provenance(provenance));
            relationships.add(new GraphRelationship(relationship.type(), relationship.fromKey(), relationship.toKey(), properties));
        }
    }

    private static Map<String, Object> provenance(Provenance provenance) {
        return Map.of(PROJECT_PROPERTY, provenance.project(), OBJECT_PROPERTY, provenance.objectId(), RUN_PROPERTY, provenance.runId());
    }

    private static boolean writtenBy(Map<String, Object> properties, long objectId) {
        return Objects.equals(properties.get(OBJECT_PROPERTY), objectId);
    }

    @Override
    public synchronized Subgraph neighbourhood(String project, String key, int depth, int limit) {
        Map<String, GraphNode> nodes = nodesByProject.getOrDefault(project, Map.of());
        if (!nodes.containsKey(key)) {
            return new Subgraph(List.of(), List.of());
        }
        Set<String> reached = new LinkedHashSet<>(List.of(key));
        Deque<String> frontier = new ArrayDeque<>(List.of(key));
        for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
            Deque<String> next = new ArrayDeque<>();
            for (String at : frontier) {
                for (GraphRelationship relationship : relationships(project)) {
                    String other = otherEnd(relationship, at);
                    if (other != null && reached.size() < limit && reached.add(other)) {
                        next.add(other);
                    }
                }
            }
            frontier = next;
        }
        return induced(project, reached);
    }

    private static String otherEnd(GraphRelationship relationship, String key) {
        if (relationship.fromKey().equals(key)) {
            return relationship.toKey();
        }
        return relationship.toKey().equals(key) ? relationship.fromKey() : null;
    }

    private Subgraph induced(String project, Set<String> keys) {
        Map<String, GraphNode> nodes = nodesByProject.getOrDefault(project, Map.of());
        List<GraphNode> selected = keys.stream().map(nodes::get).filter(Objects::nonNull).toList();
        List<GraphRelationship> between = relationships(project).stream()
                .filter(relationship -> keys.contains(relationship.fromKey()) && keys.contains(relationship.toKey())).toList();
        return new Subgraph(selected, between);
    }

    @Override
    public synchronized Subgraph ofObject(String project, long objectId) {
        Set<String> keys = new LinkedHashSet<>();
        nodesByProject.getOrDefault(project, Map.of()).values().stream()
                .filter(node -> !node.shared() && writtenBy(node.properties(), objectId)).forEach(node -> keys.add(node.key()));
        List<GraphRelationship> written = relationships(project).stream().filter(r -> writtenBy(r.properties(), objectId)).toList();
        written.forEach(relationship -> {
            keys.add(relationship.fromKey());
            keys.add(relationship.toKey());
        });
        Map<String, GraphNode> nodes = nodesByProject.getOrDefault(project, Map.of());
        return new Subgraph(keys.stream().map(nodes::get).filter(Objects::nonNull).toList(), written);
    }

    @Override
    public void export(String project, Long objectId, RecordSink<GraphNode> nodes, RecordSink<GraphRelationship> relationships) {
        Subgraph graph;
        synchronized (this) {
            graph = objectId == null
                    ? new Subgraph(List.copyOf(nodesByProject.getOrDefault(project, Map.of()).values()), relationships(project))
                    : ofObject(project, objectId);
        }
        try {
            for (GraphNode node : graph.nodes()) {
                nodes.accept(node);
            }
            for (GraphRelationship relationship : graph.relationships()) {
                relationships.accept(relationship);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized List<DerivedRecords> derivedFrom(String project, long objectId) {
        Map<String, List<String>> nodesByLabel = new TreeMap<>();
        nodesByProject.getOrDefault(project, Map.of()).values().stream()
                .filter(node -> !node.shared() && writtenBy(node.properties(), objectId))
                .forEach(node -> nodesByLabel.computeIfAbsent(node.labels().get(0), l -> new ArrayList<>())
                        .add((String) node.properties().get(RUN_PROPERTY)));
        Map<String, List<String>> relationshipsByType = new TreeMap<>();
        relationships(project).stream().filter(r -> writtenBy(r.properties(), objectId))
                .forEach(r -> relationshipsByType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add((String) r.properties().get(RUN_PROPERTY)));
        List<DerivedRecords> derived = new ArrayList<>();
        nodesByLabel.forEach((label, runs) -> derived.add(new DerivedRecords(GoldZone.GRAPH, "nodes", label, runs.size(), objectId, runs.get(0))));
        relationshipsByType.forEach((type, runs) -> derived.add(new DerivedRecords(GoldZone.GRAPH, "relationships", type, runs.size(), objectId,
                runs.get(0))));
        return derived;
    }

    private List<GraphRelationship> relationships(String project) {
        return List.copyOf(relationshipsByProject.getOrDefault(project, List.of()));
    }
}
