package org.zonelake.pipelines.graph;

import org.zonelake.core.config.ConfigSource;

/**
 * Limits of the graph-json pipeline, which holds a document's graph in memory to check every link before writing.
 *
 * @param maxNodes nodes a document may have ({@code ZONELAKE_PIPELINE_GRAPH_JSON_MAX_NODES}, default 50,000)
 * @param maxRelationships links a document may have ({@code ZONELAKE_PIPELINE_GRAPH_JSON_MAX_RELATIONSHIPS}, default 200,000)
 */
public record GraphJsonConfig(int maxNodes, int maxRelationships) {
    public static final String MAX_NODES = "pipeline.graph-json.max-nodes";
    public static final String MAX_RELATIONSHIPS = "pipeline.graph-json.max-relationships";
    public static final int DEFAULT_MAX_NODES = 50_000;
    public static final int DEFAULT_MAX_RELATIONSHIPS = 200_000;

    public GraphJsonConfig {
        positive(MAX_NODES, maxNodes);
        positive(MAX_RELATIONSHIPS, maxRelationships);
    }

    public static GraphJsonConfig defaults() {
        return new GraphJsonConfig(DEFAULT_MAX_NODES, DEFAULT_MAX_RELATIONSHIPS);
    }

    public static GraphJsonConfig from(ConfigSource source) {
        return new GraphJsonConfig(source.integer(MAX_NODES, DEFAULT_MAX_NODES),
                source.integer(MAX_RELATIONSHIPS, DEFAULT_MAX_RELATIONSHIPS));
    }

    private static void positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(ConfigSource.environmentName(key) + " must be positive, was " + value);
        }
    }
}
