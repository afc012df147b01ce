package org.zonelake.pipelines.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a graph document ({@code {"nodes": [...], "links"|"edges": [...]}}) from other JSON by its top-level keys,
 * as the router does: the time-series pipeline leaves such documents to the graph pipeline.
 */
public final class GraphDocument {
    private static final JsonFactory JSON = new JsonFactory();

    private GraphDocument() {}

    /**
     * Whether the JSON's first top-level value is an object with a {@code nodes} array and a {@code links} or
     * {@code edges} array (the router's rule); false for broken JSON. Values are skipped, not read.
     */
    public static boolean isGraph(InputStream json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean nodes = false;
            boolean links = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY) {
                    nodes |= name.equals("nodes");
                    links |= name.equals("links") || name.equals("edges");
                }
                parser.skipChildren();
            }
            return nodes && links;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    /** {@link #isGraph(InputStream)} of a file. */
    public static boolean isGraph(Path json) throws IOException {
        try (InputStream in = Files.newInputStream(json)) {
            return isGraph(in);
        }
    }
}
