package org.zonelake.metadata;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that reads through its indexes where the stock one scans. The stock backend uses an index
 * only when the query's fields are exactly a unique index's keys, so {@code {_id: x, project: p}}, or
 * {@code {$and: [{project: p}, {object_id: 7}]}} as the driver writes {@code Filters.and}, scan the collection,
 * and it does not build non-unique indexes at all. Here:
 * <ol>
 *   <li>a query that pins every key of a unique index (whatever else it asks) reads the one candidate through it;
 *   <li>otherwise a query that pins the leading keys of a non-unique index, or sorts in its order, reads through
 *       that index, kept in memory ({@link InMemoryIndex}, chosen by {@link IndexRead});
 *   <li>anything else scans, as before.
 * </ol>
 * The candidates are always matched against the whole query, so an index only decides which documents are
 * looked at and in which order. Every find, count, update, delete and findAndModify selects its documents here.
 */
final class IndexedH2Collection extends H2Collection {
    IndexedH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                        MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document projection) {
        QueryEqualities equalities = QueryEqualities.of(query);
        for (Index<Object> index : getIndexes()) {
            Document lookup = index.isUnique() ? equalities.lookup(keys(index)) : null;
            if (lookup != null && index.canHandle(lookup)) {
                return matchDocuments(query, index.getPositions(lookup), orderBy, skip, limit, batchSize, projection);
            }
        }
        IndexRead read = IndexRead.best(getIndexes(), equalities, orderBy);
        if (read != null) {
            // An ordered read hands the documents over in the requested order: without a sort, matching stops at the limit.
            return matchDocuments(query, read.positions(), read.ordered() ? null : orderBy, skip, limit, batchSize, projection);
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
    }

    /** Fills the indexes that wait for a rebuild, reading each document once for all of them. */
    void rebuildIndexes() {
        List<RebuiltIndex> waiting = getIndexes().stream()
                .filter(index -> index instanceof RebuiltIndex rebuilt && rebuilt.awaitsRebuild())
                .map(RebuiltIndex.class::cast)
                .toList();
        if (waiting.isEmpty()) {
            return;
        }
        streamAllDocumentsWithPosition().forEach(
                document -> waiting.forEach(index -> index.rebuildWith(document.getDocument(), document.getPosition(), this)));
        waiting.forEach(RebuiltIndex::rebuilt);
    }

    private static List<String> keys(Index<Object> index) {
        return index.getKeys().stream().map(IndexKey::getKey).toList();
    }
}
