package org.zonelake.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.neo4j.driver.TransactionContext;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.Provenance;

/**
 * The statements of one {@code replaceSubgraph}, all in the caller's transaction: remove the relationships the
 * object wrote and the owned nodes it no longer has, check the new subgraph against the graph, then write it in
 * {@code UNWIND} batches. Owned nodes that stay are updated in place rather than deleted and created again: index
 * seeks in a transaction that removed many entries of the same index get slow (a rewrite of 20,000 nodes took
 * 70-130 s that way, 3-7 s in place), and other objects' relationships to them survive.
 * A {@link LakeException} thrown here rolls the whole transaction back.
 */
final class SubgraphWriter {
    static final int BATCH_SIZE = 1_000;
    private static final int KEYS_IN_MESSAGES = 10;

    private final TransactionContext tx;
    private final Provenance provenance;
    private final Map<String, Object> parameters;

    SubgraphWriter(TransactionContext tx, Provenance provenance) {
        this.tx = tx;
        this.provenance = provenance;
        this.parameters = Map.of("project", provenance.project(), "objectId", provenance.objectId(), "runId", provenance.runId());
    }

    void replace(PreparedSubgraph graph) {
        deleteRelationships();
        checkNodeKeys(graph.nodeKeys());
        deleteOwnedNodesExcept(graph.ownedKeys());
        checkForeignKeys(graph.foreignKeys());
        graph.sharedNodes().forEach(group -> inBatches(group.rows(), mergeShared(group.labels()), "nodes"));
        removeOwnedLabels();
        graph.ownedNodes().forEach(group -> inBatches(group.rows(), mergeOwned(group.labels()), "nodes"));
        graph.relationships().forEach(group -> inBatches(group.rows(), createRelationships(group.type()), "relationships"));
    }

    private void deleteRelationships() {
        for (String type : RelationshipIndexes.indexedTypes(tx)) {
            tx.run("MATCH ()-[r:" + CypherNames.quoted(type) + "]->() WHERE r.zl_project = $project AND r.zl_object_id = $objectId DELETE r",
                    parameters).consume();
        }
    }

    /** Also removes the relationships other objects wrote to those nodes: they pointed to data that is gone. */
    private void deleteOwnedNodesExcept(List<String> keys) {
        tx.run("MATCH (n:ZlNode) WHERE n.zl_project = $project AND n.zl_object_id = $objectId AND NOT n.zl_key IN $keys DETACH DELETE n",
                with("keys", keys)).consume();
    }

    /** The owned nodes that stay get exactly their new labels: strip the old ones (removing and adding back costs nothing). */
    private void removeOwnedLabels() {
        List<String> labels = tx.run("MATCH (n:ZlNode) WHERE n.zl_project = $project AND n.zl_object_id = $objectId"
                + " UNWIND labels(n) AS label RETURN DISTINCT label", parameters).list(record -> record.get("label").asString());
        for (String label : labels) {
            if (!label.equals(CypherNames.NODE_LABEL)) {
                tx.run("MATCH (n:ZlNode) WHERE n.zl_project = $project AND n.zl_object_id = $objectId REMOVE n:" + CypherNames.quoted(label),
                        parameters).consume();
            }
        }
    }

    /**
     * A shared node may only merge into a shared node, an owned node only into the object's own node of the same key
     * (a node the object owned and now declares shared is deleted first). Runs before any node is deleted, while the
     * key index has no changes in this transaction.
     */
    private void checkNodeKeys(List<Map<String, Object>> nodeKeys) {
        for (List<Map<String, Object>> batch : batches(nodeKeys)) {
            List<String> taken = tx.run("UNWIND $rows AS row MATCH (n:ZlNode {zl_project: $project, zl_key: row.key})"
                            + " WHERE NOT ((row.shared AND n.zl_shared) OR (NOT n.zl_shared AND n.zl_object_id = $objectId))"
                            + " RETURN row.key AS key LIMIT " + KEYS_IN_MESSAGES,
                    with("rows", batch)).list(record -> record.get("key").asString());
            if (!taken.isEmpty()) {
                throw failure("the keys " + taken + " are taken by nodes of another kind (shared, or owned by another object)");
            }
        }
    }

    private void checkForeignKeys(List<String> foreignKeys) {
        for (List<String> batch : batches(foreignKeys)) {
            List<String> missing = tx.run("UNWIND $keys AS key OPTIONAL MATCH (n:ZlNode {zl_project: $project, zl_key: key})"
                            + " WITH key, n WHERE n IS NULL RETURN key LIMIT " + KEYS_IN_MESSAGES,
                    with("keys", batch)).list(record -> record.get("key").asString());
            if (!missing.isEmpty()) {
                throw failure("relationships point to the keys " + missing + ", which are neither nodes of the subgraph nor of the graph");
            }
        }
    }

    private String mergeShared(List<String> labels) {
        return "UNWIND $rows AS row MERGE (n:ZlNode {zl_project: $project, zl_key: row.key})"
                + " ON CREATE SET n.zl_shared = true SET n += row.properties, n" + CypherNames.labelClause(labels)
                + " RETURN count(n) AS written";
    }

    /**
     * Merges by key and replaces all properties with the row's, which carries the bookkeeping too, so the key index
     * sees no change for a node that stays. A node that turns out to belong to someone else (a concurrent writer
     * took the key after {@link #checkNodeKeys}) is not counted, which fails the write.
     */
    private String mergeOwned(List<String> labels) {
        return "UNWIND $rows AS row MERGE (n:ZlNode {zl_project: $project, zl_key: row.key})"
                + " WITH n, row, coalesce(n.zl_shared, false) OR coalesce(n.zl_object_id, $objectId) <> $objectId AS taken"
                + " SET n = row.properties, n" + CypherNames.labelClause(labels)
                + " RETURN sum(CASE WHEN taken THEN 0 ELSE 1 END) AS written";
    }

    private String createRelationships(String type) {
        return "UNWIND $rows AS row MATCH (a:ZlNode {zl_project: $project, zl_key: row.from}) MATCH (b:ZlNode {zl_project: $project, zl_key: row.to})"
                + " CREATE (a)-[r:" + CypherNames.quoted(type) + " {zl_project: $project, zl_object_id: $objectId, zl_run_id: $runId}]->(b)"
                + " SET r += row.properties RETURN count(r) AS written";
    }

    /** Fails when a batch writes fewer records than it has rows: a concurrent writer changed the graph since the checks. */
    private void inBatches(List<Map<String, Object>> rows, String statement, String kind) {
        for (List<Map<String, Object>> batch : batches(rows)) {
            long written = tx.run(statement, with("rows", batch)).single().get("written").asLong();
            if (written != batch.size()) {
                throw failure("only " + written + " of " + batch.size() + " " + kind + " could be written; another writer changed"
                        + " the nodes they need meanwhile");
            }
        }
    }

    private Map<String, Object> with(String name, Object value) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put(name, value);
        return all;
    }

    private static <T> List<List<T>> batches(List<T> rows) {
        int count = (rows.size() + BATCH_SIZE - 1) / BATCH_SIZE;
        return IntStream.range(0, count)
                .mapToObj(i -> rows.subList(i * BATCH_SIZE, Math.min(rows.size(), (i + 1) * BATCH_SIZE))).toList();
    }

    private LakeException failure(String problem) {
        return new LakeException(ErrorCode.INVALID_DATA,
                String.format("Cannot write the graph of object %d in project %s: %s", provenance.objectId(), provenance.project(), problem));
    }
}
