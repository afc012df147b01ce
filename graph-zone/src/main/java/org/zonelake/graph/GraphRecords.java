package org.zonelake.graph;

import static org.zonelake.core.gold.graph.GraphStore.PROJECT_PROPERTY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;

/**
 * Driver values back to the port's records. The bookkeeping that only serves the store (project, key, shared
 * flag, the {@code ZlNode} label) is dropped; {@code zl_object_id} and {@code zl_run_id} stay, as lineage from a
 * record to the object and run that wrote it.
 */
final class GraphRecords {
    static final String KEY_PROPERTY = "zl_key";
    static final String SHARED_PROPERTY = "zl_shared";

    private GraphRecords() {}

    static GraphNode node(Node node) {
        Map<String, Object> properties = new HashMap<>(node.asMap());
        String key = (String) properties.remove(KEY_PROPERTY);
        boolean shared = Boolean.TRUE.equals(properties.remove(SHARED_PROPERTY));
        properties.remove(PROJECT_PROPERTY);
        List<String> labels = new ArrayList<>();
        node.labels().forEach(label -> {
            if (!label.equals(CypherNames.NODE_LABEL)) {
                labels.add(label);
            }
        });
        labels.sort(null);
        return new GraphNode(key, labels, properties, shared);
    }

    /** A record with the relationship {@code r} and its end keys {@code from} and {@code to}. */
    static GraphRelationship relationship(Record record) {
        Relationship relationship = record.get("r").asRelationship();
        Map<String, Object> properties = new HashMap<>(relationship.asMap());
        properties.remove(PROJECT_PROPERTY);
        return new GraphRelationship(relationship.type(), record.get("from").asString(), record.get("to").asString(), properties);
    }
}
