package org.zonelake.metadata;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An in-memory index that a database being opened fills in one pass over each collection's documents, rather
 * than the backend reading every document once per index. Until it is filled it answers no query.
 */
interface RebuiltIndex {
    /** Whether the index still waits for the documents of its collection. */
    boolean awaitsRebuild();

    /** Adds one document of the collection while the index is being rebuilt. */
    void rebuildWith(Document document, Object position, MongoCollection<Object> collection);

    /** Every document was added: the index serves queries from now on. */
    void rebuilt();
}
