package org.zonelake.graph;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The read statements. Statements about one object's relationships are a {@code UNION} of one branch per
 * relationship type (see {@link RelationshipIndexes}), so their text depends on the types in the database.
 */
final class GraphQueries {
    static final String SCHEMA_CONSTRAINT = "CREATE CONSTRAINT zl_node_key IF NOT EXISTS FOR (n:ZlNode) REQUIRE (n.zl_project, n.zl_key) IS UNIQUE";
    static final String SCHEMA_OBJECT_INDEX = "CREATE INDEX zl_node_object IF NOT EXISTS FOR (n:ZlNode) ON (n.zl_project, n.zl_object_id)";

    // Ordered by both properties of the unique index so that the order comes from the index: no sort, a stream.
    static final String PROJECT_NODES = "MATCH (n:ZlNode) WHERE n.zl_project = $project AND n.zl_key IS NOT NULL"
            + " RETURN n ORDER BY n.zl_project, n.zl_key";
    static final String PROJECT_RELATIONSHIPS = "MATCH (a:ZlNode)-[r]->(b:ZlNode) WHERE a.zl_project = $project AND a.zl_key IS NOT NULL"
            + " RETURN r, a.zl_key AS from, b.zl_key AS to ORDER BY a.zl_project, a.zl_key";

    static final String START_NODE = "MATCH (n:ZlNode {zl_project: $project, zl_key: $key}) RETURN n";
    static final String RELATIONSHIPS_AMONG = "UNWIND $keys AS key MATCH (a:ZlNode {zl_project: $project, zl_key: key})-[r]->(b:ZlNode)"
            + " WHERE b.zl_key IN $keys RETURN r, a.zl_key AS from, b.zl_key AS to";

    static final String NODES_PER_LABEL = "MATCH (n:ZlNode) WHERE n.zl_project = $project AND n.zl_object_id = $objectId"
            + " UNWIND labels(n) AS label WITH label, n WHERE label <> 'ZlNode'"
            + " RETURN label AS name, count(*) AS count, min(n.zl_run_id) AS runId ORDER BY name";

    private static final String OWNED_NODES = "MATCH (n:ZlNode) WHERE n.zl_project = $project AND n.zl_object_id = $objectId RETURN n";
    private static final String OF_OBJECT = " WHERE r.zl_project = $project AND r.zl_object_id = $objectId";

    private GraphQueries() {}

    /** Nodes within {@code depth} hops, nearest first: a breadth-first expansion, each node once. */
    static String neighbourhood(int depth) {
        return "MATCH (start:ZlNode {zl_project: $project, zl_key: $key})-[*0.." + depth + "]-(n:ZlNode)"
                + " WITH DISTINCT n LIMIT $limit RETURN n";
    }

    /** The object's own nodes and every node one of its relationships touches, each once, by key. */
    static String objectNodes(List<String> types) {
        String touched = types.stream()
                .map(type -> " UNION MATCH (:ZlNode)-[r:" + CypherNames.quoted(type) + "]-(n:ZlNode)" + OF_OBJECT + " RETURN n")
                .collect(Collectors.joining());
        return "CALL { " + OWNED_NODES + touched + " } RETURN n ORDER BY n.zl_key";
    }

    /** The relationships the object wrote, with the keys of their ends; {@code types} must not be empty. */
    static String objectRelationships(List<String> types) {
        return "CALL { " + types.stream()
                .map(type -> "MATCH (a:ZlNode)-[r:" + CypherNames.quoted(type) + "]->(b:ZlNode)" + OF_OBJECT
                        + " RETURN r, a.zl_key AS from, b.zl_key AS to")
                .collect(Collectors.joining(" UNION ALL ")) + " } RETURN r, from, to";
    }

    /** How many relationships of each type the object wrote; {@code types} must not be empty. */
    static String relationshipsPerType(List<String> types) {
        return "CALL { " + types.stream()
                .map(type -> "MATCH ()-[r:" + CypherNames.quoted(type) + "]->()" + OF_OBJECT + " RETURN r")
                .collect(Collectors.joining(" UNION ALL ")) + " } RETURN type(r) AS name, count(*) AS count, min(r.zl_run_id) AS runId ORDER BY name";
    }
}
