package org.zonelake.pipelines.routing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.pipelines.graph.GraphDocument;

/**
 * Tells a graph document ({@code {"nodes": [...], "links"|"edges": [...]}}) from other JSON in the raw zone, by
 * the rule the graph and time-series pipelines share ({@link GraphDocument#isGraph}): top-level keys only, values
 * skipped, so even a large document costs little.
 */
public final class JsonShapes {
    private final ObjectStore store;

    public JsonShapes(ObjectStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    public boolean isGraphDocument(ObjectDocument object) {
        try (InputStream in = store.open(new ObjectKey(object.project(), object.storageName()))) {
            return GraphDocument.isGraph(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read object " + object.id() + " of project " + object.project(), e);
        }
    }
}
