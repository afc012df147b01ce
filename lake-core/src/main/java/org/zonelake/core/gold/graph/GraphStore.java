package org.zonelake.core.gold.graph;

import java.util.List;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.RecordSink;

/**
 * The graph gold zone. Nodes and relationships carry their project, source object id and run id as properties
 * ({@code zl_project}, {@code zl_object_id}, {@code zl_run_id}); the project is the isolation unit.
 */
public interface GraphStore extends AutoCloseable {
    String PROJECT_PROPERTY = "zl_project";
    String OBJECT_PROPERTY = "zl_object_id";
    String RUN_PROPERTY = "zl_run_id";

    /**
     * In one transaction, replaces what the object contributed (its own nodes and every relationship it wrote)
     * with {@code graph}; shared nodes are merged by key and never removed.
     */
    void replaceSubgraph(Provenance provenance, Subgraph graph);

    /** Nodes within {@code depth} hops of the node with {@code key}, at most {@code limit} nodes. */
    Subgraph neighbourhood(String project, String key, int depth, int limit);

    /** The object's own nodes, the relationships it wrote and the nodes they touch. */
    Subgraph ofObject(String project, long objectId);

    /** Streams the project's graph (or one object's part of it when {@code objectId} is not null). */
    void export(String project, Long objectId, RecordSink<GraphNode> nodes, RecordSink<GraphRelationship> relationships);

    /** The node and relationship sets the object contributed, one per label and per relationship type. */
    List<DerivedRecords> derivedFrom(String project, long objectId);

    @Override
    default void close() {
    }
}
