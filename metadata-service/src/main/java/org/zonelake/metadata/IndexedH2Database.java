package org.zonelake.metadata;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose collections are {@link IndexedH2Collection}s, on the same document maps as the stock
 * backend's, and whose indexes live in memory: unique ones in {@link InMemoryUniqueIndex}, non-unique ones (which
 * the stock backend ignores) in {@link InMemoryIndex}. They are rebuilt from the documents when the server opens,
 * so a file written by either backend opens with the other.
 */
final class IndexedH2Database extends H2Database {
    private static final String ID_FIELD = "_id";

    private final MVStore store;
    private final List<IndexedH2Collection> opening = new ArrayList<>();
    private boolean isOpening = true;

    /**
     * Opens the database's collections and their indexes; the indexes are filled afterwards, one pass over each
     * collection's documents for all of its indexes.
     */
    IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
        super.initializeNamespacesAndIndexes();
        opening.forEach(IndexedH2Collection::rebuildIndexes);
        opening.clear();
        isOpening = false;
    }

    /** The superclass constructor calls this before {@link #store} is set; the constructor above calls it once it is. */
    @Override
    protected void initializeNamespacesAndIndexes() {
        if (store != null) {
            super.initializeNamespacesAndIndexes();
        }
    }

    /**
     * Unique indexes live in memory ({@link InMemoryUniqueIndex}). The H2 map the stock backend would keep for the
     * index is removed: it would no longer follow the writes, and a stock backend that finds it missing rebuilds it.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        String persisted = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        if (store.hasMap(persisted)) {
            store.removeMap(persisted);
        }
        return new InMemoryUniqueIndex(indexName, keys, sparse, isOpening);
    }

    /** Called for each non-unique index when it is created and, for the existing ones, when the server opens. */
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new InMemoryIndex(collectionName, indexName, keys, sparse, ID_FIELD, isOpening);
    }

    /** The map names are those of {@code H2Database}: the documents are where the stock backend keeps them. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        IndexedH2Collection collection = new IndexedH2Collection(this, collectionName, options, store.openMap("databases." + namespace),
                store.openMap("meta." + namespace), cursorRegistry);
        if (isOpening) {
            opening.add(collection);
        }
        return collection;
    }
}
