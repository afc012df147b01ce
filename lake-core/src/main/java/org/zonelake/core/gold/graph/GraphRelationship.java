package org.zonelake.core.gold.graph;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** A directed relationship between two nodes of the same project, named by their keys. */
public record GraphRelationship(String type, String fromKey, String toKey, Map<String, Object> properties) {
    public GraphRelationship {
        requireNonNull(type, "type is null");
        requireNonNull(fromKey, "fromKey is null");
        requireNonNull(toKey, "toKey is null");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
