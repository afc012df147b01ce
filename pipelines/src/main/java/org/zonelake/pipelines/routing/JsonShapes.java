package org.zonelake.pipelines.routing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;

/**
 * Tells a graph document ({@code {"nodes": [...], "links"|"edges": [...]}}) from other JSON by reading the
 * top-level keys with a streaming parser, skipping values, so even a large document costs little.
 */
public final class JsonShapes {
    private static final JsonFactory JSON = new JsonFactory();

    private final ObjectStore store;

    public JsonShapes(ObjectStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    public boolean isGraphDocument(ObjectDocument object) {
        try (InputStream in = store.open(new ObjectKey(object.project(), object.storageName()))) {
            return isGraphDocument(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read object " + object.id() + " of project " + object.project(), e);
        }
    }

    static boolean isGraphDocument(InputStream in) throws IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean nodes = false;
            boolean links = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY) {
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
}
