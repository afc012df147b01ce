package org.zonelake.core.gold.graph;

import java.util.List;

/** Nodes and the relationships between them. */
public record Subgraph(List<GraphNode> nodes, List<GraphRelationship> relationships) {
    public Subgraph {
        nodes = List.copyOf(nodes);
        relationships = List.copyOf(relationships);
    }
}
