package org.zonelake.ingest.processed;

import java.util.List;
import java.util.Map;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.core.gold.graph.Subgraph;

/** Graph records as the API shows them: relationships name their ends {@code from} and {@code to} by node key. */
final class GraphViews {
    private GraphViews() {}

    record NodeView(String key, List<String> labels, Map<String, Object> properties) {
        static NodeView of(GraphNode node) {
            return new NodeView(node.key(), node.labels(), node.properties());
        }
    }

    record RelationshipView(String type, String from, String to, Map<String, Object> properties) {
        static RelationshipView of(GraphRelationship relationship) {
            return new RelationshipView(relationship.type(), relationship.fromKey(), relationship.toKey(), relationship.properties());
        }
    }

    record SubgraphView(List<NodeView> nodes, List<RelationshipView> relationships) {
        static SubgraphView of(Subgraph graph) {
            return new SubgraphView(graph.nodes().stream().map(NodeView::of).toList(),
                    graph.relationships().stream().map(RelationshipView::of).toList());
        }
    }
}
