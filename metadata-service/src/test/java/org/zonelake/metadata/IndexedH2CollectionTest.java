package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queries read through a unique index answer exactly what a scan of the same documents answers. */
class IndexedH2CollectionTest {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    private MongoCollection<Document> indexed;
    private MongoCollection<Document> scanned;

    @BeforeEach
    void twoCollectionsWithTheSameDocuments() {
        MetadataStore store = STORES.freshStore();
        indexed = store.database().getCollection("indexed");
        scanned = store.database().getCollection("scanned");
        indexed.createIndex(Indexes.ascending("project", "object_id"), new IndexOptions().unique(true));
        for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
            for (long id = 1; id <= 20; id++) {
                collection.insertOne(new Document("_id", "doc-" + id).append("project", id % 2 == 0 ? "alpha" : "beta")
                        .append("object_id", id).append("status", id % 3 == 0 ? "stored" : "pending").append("tags", List.of("t" + id % 4)));
            }
        }
    }

    @Test
    void findsWhatAScanFinds() {
        List<Bson> filters = List.of(
                Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 6L)),
                Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 6L), Filters.eq("status", "stored")),
                Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 6L), Filters.eq("status", "pending")),
                Filters.and(Filters.eq("project", "beta"), Filters.eq("object_id", 6L)),
                Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 6)),
                Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 6.0)),
                Filters.and(Filters.eq("_id", "doc-4"), Filters.eq("project", "alpha")),
                Filters.and(Filters.eq("_id", "doc-4"), Filters.eq("project", "beta")),
                Filters.and(Filters.eq("_id", "doc-4"), Filters.eq("tags", "t0")),
                Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 8L), Filters.gt("object_id", 7L)),
                Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 8L), Filters.eq("object_id", 9L)),
                Filters.or(Filters.eq("_id", "doc-1"), Filters.eq("_id", "doc-2")),
                Filters.in("_id", "doc-3", "doc-5", "nope"),
                Filters.and(Filters.eq("project", "alpha"), Filters.in("object_id", 2L, 4L)),
                Filters.eq("project", "alpha"),
                Filters.eq("_id", "missing"));

        for (Bson filter : filters) {
            assertThat(ids(indexed, filter)).as("%s", filter).isEqualTo(ids(scanned, filter));
        }
    }

    @Test
    void updatesOnlyADocumentThatMatchesTheWholeFilter() {
        Bson stillPending = Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 6L), Filters.eq("status", "pending"));
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

        assertThat(indexed.findOneAndUpdate(stillPending, Updates.set("status", "deleting"), after)).isNull();
        assertThat(indexed.updateOne(stillPending, Updates.set("status", "deleting")).getMatchedCount()).isZero();
        assertThat(indexed.deleteOne(stillPending).getDeletedCount()).isZero();

        Bson stored = Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 6L), Filters.eq("status", "stored"));
        assertThat(indexed.findOneAndUpdate(stored, Updates.set("status", "deleting"), after).getString("status")).isEqualTo("deleting");
        assertThat(indexed.find(Filters.eq("_id", "doc-6")).first().getString("status")).isEqualTo("deleting");
        assertThat(indexed.deleteOne(Filters.and(Filters.eq("_id", "doc-6"), Filters.eq("status", "deleting"))).getDeletedCount()).isEqualTo(1);
        assertThat(indexed.countDocuments()).isEqualTo(19);
    }

    @Test
    void keepsTheIndexInStepWhenAnUpdateChangesAKey() {
        indexed.updateOne(Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 2L)), Updates.set("object_id", 102L));

        assertThat(ids(indexed, Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 2L), Filters.eq("status", "pending"))))
                .isEmpty();
        assertThat(ids(indexed, Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 102L), Filters.eq("status", "pending"))))
                .containsExactly("doc-2");
    }

    @Test
    void refusesADuplicateKeyUntilTheUniqueIndexIsDropped() {
        Document duplicate = new Document("_id", "doc-21").append("project", "alpha").append("object_id", 2L);

        assertThatThrownBy(() -> indexed.insertOne(duplicate)).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        indexed.dropIndex(Indexes.ascending("project", "object_id"));
        indexed.insertOne(duplicate);

        assertThat(ids(indexed, Filters.and(Filters.eq("project", "alpha"), Filters.eq("object_id", 2L)))).containsExactly("doc-2", "doc-21");
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson filter) {
        return collection.find(filter).sort(Sorts.ascending("_id")).map(document -> document.getString("_id")).into(new ArrayList<>());
    }
}
