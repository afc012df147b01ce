package org.zonelake.pipelines.graph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;

/**
 * Reads a graph document with Jackson's streaming parser, one node or link at a time, into the object's own nodes
 * ({@code o<objectId>:<id>}) and relationships, within the configured limits; every link is checked against the
 * nodes once all are read (links may come first).
 */
final class GraphJsonReader {
    static final String DEFAULT_LABEL = "Node";
    static final String DEFAULT_TYPE = "LINKED_TO";
    private static final int CANCEL_CHECK_EVERY = 10_000;

    private final ObjectMapper json;
    private final GraphJsonConfig limits;
    private final long objectId;
    private final BooleanSupplier cancelled;
    private final Map<String, Integer> nodeIndexById = new HashMap<>();
    private final List<GraphNode> nodes = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();

    GraphJsonReader(ObjectMapper json, GraphJsonConfig limits, long objectId, BooleanSupplier cancelled) {
        this.json = requireNonNull(json, "json is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.objectId = objectId;
        this.cancelled = requireNonNull(cancelled, "cancelled is null");
    }

    /** A document's own graph. */
    record Graph(List<GraphNode> nodes, List<GraphRelationship> relationships) {}

    /** The document is bad data (a reason naming the node or link), or not a graph document at all. */
    static final class BadGraphException extends RuntimeException {
        final boolean notAGraph;

        BadGraphException(String reason, boolean notAGraph) {
            super(reason, null, false, false);
            this.notAGraph = notAGraph;
        }
    }

    Graph read(InputStream in) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BadGraphException("not a graph document: the JSON is not an object with a 'nodes' array", true);
            }
            boolean sawNodes = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("nodes")) {
                    sawNodes = true;
                    elements(parser, value, field, true);
                } else if (field.equals("links") || field.equals("edges")) {
                    elements(parser, value, field, false);
                } else {
                    parser.skipChildren();
                }
            }
            if (!sawNodes) {
                throw new BadGraphException("not a graph document: the JSON object has no 'nodes' array", true);
            }
        }
        return new Graph(nodes, relationships());
    }

    private void elements(JsonParser parser, JsonToken start, String field, boolean isNodes) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw new BadGraphException("'" + field + "' is not an array", isNodes);
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode element = parser.readValueAsTree();
            if (isNodes) {
                node(element);
            } else {
                link(element, field);
            }
            if ((nodes.size() + links.size()) % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled while reading the graph");
            }
        }
    }

    private void node(JsonNode node) {
        int index = nodes.size();
        if (index >= limits.maxNodes()) {
            throw new BadGraphException(String.format(Locale.ROOT, "the graph has more than %,d nodes, the limit (%s)",
                    limits.maxNodes(), ConfigSource.environmentName(GraphJsonConfig.MAX_NODES)), false);
        }
        if (!node.isObject()) {
            throw new BadGraphException("node index " + index + " is not an object", false);
        }
        String id = id(node.get("id"));
        if (id == null) {
            throw new BadGraphException("node index " + index + " has no id (a string or a number)", false);
        }
        Integer earlier = nodeIndexById.putIfAbsent(id, index);
        if (earlier != null) {
            throw new BadGraphException("node index " + index + " has the id '" + id + "' of node index " + earlier, false);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", id);
        JsonProperties.flatten(node, Set.of("id", "label", "labels"), properties);
        nodes.add(new GraphNode(GraphModel.ownedKey(objectId, id), labels(node), properties, false));
    }

    private static List<String> labels(JsonNode node) {
        JsonNode labels = node.has("labels") ? node.get("labels") : node.get("label");
        List<String> names = new ArrayList<>();
        if (labels != null && labels.isArray()) {
            labels.forEach(label -> addLabel(label, names));
        } else if (labels != null) {
            addLabel(labels, names);
        }
        return names.isEmpty() ? List.of(DEFAULT_LABEL) : names;
    }

    private static void addLabel(JsonNode label, List<String> names) {
        if (label.isValueNode() && !label.isNull()) {
            String name = GraphModel.identifier(label.asText(), DEFAULT_LABEL);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
    }

    private void link(JsonNode link, String field) {
        int index = links.size();
        if (index >= limits.maxRelationships()) {
            throw new BadGraphException(String.format(Locale.ROOT, "the graph has more than %,d links, the limit (%s)",
                    limits.maxRelationships(), ConfigSource.environmentName(GraphJsonConfig.MAX_RELATIONSHIPS)), false);
        }
        String name = field.substring(0, field.length() - 1) + " index " + index;
        if (!link.isObject()) {
            throw new BadGraphException(name + " is not an object", false);
        }
        String source = end(link, "source", name);
        String target = end(link, "target", name);
        String typeField = link.hasNonNull("type") ? "type" : "label";
        JsonNode type = link.get(typeField);
        Map<String, Object> properties = new LinkedHashMap<>();
        JsonProperties.flatten(link, Set.of("source", "target", typeField), properties);
        String typeName = type != null && type.isValueNode() ? type.asText() : null;
        links.add(new Link(name, source, target, GraphModel.identifier(typeName, DEFAULT_TYPE), properties));
    }

    // An end of a link: a node id, or (d3 after layout) the node object itself.
    private static String end(JsonNode link, String side, String name) {
        JsonNode end = link.get(side);
        String id = end != null && end.isObject() ? id(end.get("id")) : id(end);
        if (id == null) {
            throw new BadGraphException(name + " has no " + side + " (a node id, or an object with an id)", false);
        }
        return id;
    }

    private static String id(JsonNode id) {
        return id != null && (id.isTextual() || id.isNumber()) && !id.asText().isBlank() ? id.asText() : null;
    }

    private List<GraphRelationship> relationships() {
        List<GraphRelationship> relationships = new ArrayList<>(links.size());
        for (Link link : links) {
            relationships.add(new GraphRelationship(link.type, known(link, link.source, "source"), known(link, link.target, "target"),
                    link.properties));
        }
        return relationships;
    }

    private String known(Link link, String id, String side) {
        if (!nodeIndexById.containsKey(id)) {
            throw new BadGraphException(link.name + " refers to the unknown node '" + id + "' as its " + side, false);
        }
        return GraphModel.ownedKey(objectId, id);
    }

    private record Link(String name, String source, String target, String type, Map<String, Object> properties) {}
}
