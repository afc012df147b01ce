package org.zonelake.core.gold.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A node, identified within its project by {@code key}. A {@code shared} node (a project, a user, a tag) is
 * merged by key and outlives the objects that refer to it; any other node belongs to the object that wrote it.
 * Property values are strings, numbers, booleans or lists of them.
 */
public record GraphNode(String key, List<String> labels, Map<String, Object> properties, boolean shared) {
    public GraphNode {
        requireNonNull(key, "key is null");
        labels = List.copyOf(labels);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        if (key.isBlank() || labels.isEmpty()) {
            throw new IllegalArgumentException("A node needs a key and a label: " + key + " " + labels);
        }
    }
}
