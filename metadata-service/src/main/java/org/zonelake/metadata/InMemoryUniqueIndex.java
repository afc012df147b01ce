package org.zonelake.metadata;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A unique index (the {@code _id} index of every collection included) kept in memory and rebuilt from the
 * documents when the server opens. The stock backend keeps it in an H2 map whose keys it cannot compare
 * without Java-serializing both sides, on every lookup, insert and update, and rewrites that map's pages
 * at every commit; here keys compare as the backend compares values ({@link InMemoryIndex#compareIndexed}),
 * and a commit writes only the documents.
 */
final class InMemoryUniqueIndex extends AbstractUniqueIndex<Object> implements RebuiltIndex {
    private static final Comparator<KeyValue> KEY_ORDER = InMemoryUniqueIndex::compare;

    private final NavigableMap<KeyValue, Object> positions = new TreeMap<>(KEY_ORDER);
    private boolean awaitsRebuild;

    /** With {@code rebuiltLater}, the index stays empty until its database fills it ({@link RebuiltIndex}). */
    InMemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse, boolean rebuiltLater) {
        super(name, keys, sparse);
        this.awaitsRebuild = rebuiltLater;
    }

    @Override
    public boolean awaitsRebuild() {
        return awaitsRebuild;
    }

    @Override
    public void rebuildWith(Document document, Object position, MongoCollection<Object> collection) {
        add(document, position, collection);
    }

    @Override
    public void rebuilt() {
        awaitsRebuild = false;
    }

    /** An index waiting for its rebuild is not empty to the backend, which would otherwise fill it on its own. */
    @Override
    public boolean isEmpty() {
        return !awaitsRebuild && super.isEmpty();
    }

    /** An index waiting for its rebuild answers no query: the backend then scans. */
    @Override
    public synchronized boolean canHandle(Document query) {
        return !awaitsRebuild && super.canHandle(query);
    }

    private static int compare(KeyValue left, KeyValue right) {
        int order = Integer.compare(left.size(), right.size());
        for (int i = 0; order == 0 && i < left.size(); i++) {
            order = compareValues(left.get(i), right.get(i));
        }
        return order;
    }

    /** A value the backend cannot order (JavaScript code) is ordered by its type, then its text. */
    private static int compareValues(Object left, Object right) {
        try {
            return InMemoryIndex.compareIndexed(left, right);
        } catch (UnsupportedOperationException e) {
            return Comparator.comparing((Object value) -> value == null ? "" : value.getClass().getName())
                    .thenComparing(String::valueOf).compare(left, right);
        }
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(key, position) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        positions.clear();
    }
}
