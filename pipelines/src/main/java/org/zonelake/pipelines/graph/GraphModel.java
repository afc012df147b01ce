package org.zonelake.pipelines.graph;

import java.util.Map;
import java.util.regex.Pattern;
import org.zonelake.core.gold.graph.GraphNode;

/**
 * The lake's own graph vocabulary, shared by the graph pipelines: keys and labels of the shared nodes (projects,
 * users, tags), the key of an object's own node, and how labels and relationship types are made safe.
 */
public final class GraphModel {
    public static final String PROJECT = "Project";
    public static final String USER = "User";
    public static final String TAG = "Tag";
    public static final String IN_PROJECT = "IN_PROJECT";
    public static final String UPLOADED = "UPLOADED";
    public static final String TAGGED = "TAGGED";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_]+");

    private GraphModel() {}

    /** The shared node of a project: {@code project:<name>}, label Project. */
    public static GraphNode project(String name) {
        return new GraphNode("project:" + name, java.util.List.of(PROJECT), Map.of("name", name), true);
    }

    /** The shared node of a user: {@code user:<name>}, label User. */
    public static GraphNode user(String name) {
        return new GraphNode("user:" + name, java.util.List.of(USER), Map.of("name", name), true);
    }

    /** The shared node of a template field's value: {@code tag:<field>=<value>}, label Tag. */
    public static GraphNode tag(String field, String value) {
        return new GraphNode("tag:" + field + "=" + value, java.util.List.of(TAG), Map.of("field", field, "value", value), true);
    }

    /** The key of the node standing for an object itself (its Document or Image node). */
    public static String objectKey(long objectId) {
        return "object:" + objectId;
    }

    /** The key of a node an object's data defines under its own id. */
    public static String ownedKey(long objectId, String id) {
        return "o" + objectId + ":" + id;
    }

    /**
     * {@code raw} as a label or relationship type, {@code [A-Za-z_][A-Za-z0-9_]*}: runs of other characters become
     * one _, a leading digit gets a _ before it; {@code fallback} if nothing of it is left.
     */
    public static String identifier(String raw, String fallback) {
        if (raw == null) {
            return fallback;
        }
        String safe = UNSAFE.matcher(raw.trim()).replaceAll("_");
        if (safe.replace("_", "").isEmpty()) {
            return fallback;
        }
        return Character.isDigit(safe.charAt(0)) ? "_" + safe : safe;
    }
}
