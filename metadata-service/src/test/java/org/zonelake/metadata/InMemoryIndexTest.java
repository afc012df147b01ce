package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Reads through the in-memory non-unique indexes answer exactly what a scan of the same documents answers. */
class InMemoryIndexTest {
    private static final List<String> STATES = List.of("waiting", "leased", "done");

    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    @TempDir
    Path directory;

    private MongoCollection<Document> indexed;
    private MongoCollection<Document> scanned;
    private final Random random = new Random(42);

    @BeforeEach
    void twoCollections() {
        MetadataStore store = STORES.freshStore();
        indexed = store.database().getCollection("indexed");
        scanned = store.database().getCollection("scanned");
        indexed.createIndex(Indexes.ascending("state", "at"));
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("project"), Indexes.descending("size"), Indexes.ascending("_id")));
        indexed.createIndex(Indexes.ascending("project", "other.depth"));
    }

    @Test
    void answersLikeAScanThroughRandomInsertsUpdatesAndDeletes() {
        for (int round = 0; round < 300; round++) {
            applyToBoth(randomChange(round));
            if (round % 10 == 0) {
                assertSameAnswers();
            }
        }
        assertSameAnswers();
    }

    @Test
    void keepsAnsweringLikeAScanOnceAnIndexedFieldHoldsAnArray() {
        for (int round = 0; round < 50; round++) {
            applyToBoth(randomChange(round));
        }
        Document withArray = new Document("_id", "array").append("project", List.of("alpha", "beta")).append("state", "waiting")
                .append("at", new Date(5)).append("size", 1);
        indexed.insertOne(withArray);
        scanned.insertOne(withArray);

        assertSameAnswers();
        assertThat(ids(indexed.find(Filters.eq("project", "beta")))).contains("array");
    }

    @Test
    void rebuildsItsIndexesWhenTheServerOpensItsFileAgain() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(directory, 0);
             MetadataStore store = MetadataStore.on(server, "zonelake")) {
            MongoCollection<Document> events = store.database().getCollection("events");
            events.createIndex(Indexes.ascending("state", "at"));
            for (int i = 0; i < 20; i++) {
                events.insertOne(new Document("_id", "e-" + i).append("state", STATES.get(i % 3)).append("at", new Date(1000 - i)));
            }
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(directory, 0);
             MetadataStore store = MetadataStore.on(server, "zonelake")) {
            MongoCollection<Document> events = store.database().getCollection("events");
            events.insertOne(new Document("_id", "e-new").append("state", "waiting").append("at", new Date(1)));

            assertThat(ids(events.find(Filters.eq("state", "waiting")).sort(Sorts.ascending("at")).limit(3)))
                    .containsExactly("e-new", "e-18", "e-15");
        }
    }

    private Bson[] randomChange(int round) {
        String id = "doc-" + random.nextInt(60);
        return switch (random.nextInt(4)) {
            case 0, 1 -> new Bson[] {null, randomDocument(id)};
            case 2 -> new Bson[] {Filters.eq("_id", id), Updates.combine(Updates.set("state", STATES.get(random.nextInt(3))),
                    Updates.set("at", new Date(random.nextInt(20))), Updates.inc("size", round % 3 - 1))};
            default -> new Bson[] {Filters.eq("_id", id), null};
        };
    }

    private Document randomDocument(String id) {
        Document document = new Document("_id", id).append("project", random.nextBoolean() ? "alpha" : "beta")
                .append("state", STATES.get(random.nextInt(3))).append("size", random.nextInt(5));
        if (random.nextInt(4) > 0) {
            document.append("at", new Date(random.nextInt(20)));
        }
        if (random.nextBoolean()) {
            document.append("other", new Document("depth", random.nextBoolean() ? 12 : 12.5));
        }
        return document;
    }

    private void applyToBoth(Bson[] change) {
        for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
            if (change[0] == null) {
                Document document = (Document) change[1];
                collection.replaceOne(Filters.eq("_id", document.getString("_id")), document, new ReplaceOptions().upsert(true));
            } else if (change[1] == null) {
                collection.deleteOne(change[0]);
            } else {
                collection.updateOne(change[0], change[1]);
            }
        }
    }

    private void assertSameAnswers() {
        Date cut = new Date(10);
        List<Query> queries = List.of(
                new Query(Filters.and(Filters.eq("state", "waiting"), Filters.lte("at", cut)), Sorts.ascending("at", "_id"), 1),
                new Query(Filters.and(Filters.eq("state", "waiting"), Filters.lte("at", cut)), Sorts.ascending("at", "_id"), 0),
                new Query(Filters.and(Filters.eq("state", "leased"), Filters.lt("at", cut)), Sorts.descending("at", "_id"), 3),
                new Query(Filters.eq("state", "done"), null, 0),
                new Query(Filters.and(Filters.eq("state", "done"), Filters.eq("at", null)), null, 0),
                new Query(Filters.eq("project", "alpha"), Sorts.orderBy(Sorts.descending("size"), Sorts.ascending("_id")), 5),
                new Query(Filters.eq("project", "beta"), Sorts.orderBy(Sorts.ascending("size"), Sorts.descending("_id")), 0),
                new Query(Filters.and(Filters.eq("project", "beta"), Filters.eq("size", 2)), Sorts.descending("_id"), 0),
                new Query(Filters.and(Filters.eq("project", "alpha"), Filters.eq("other.depth", 12L)), Sorts.ascending("_id"), 0),
                new Query(Filters.and(Filters.eq("project", "alpha"), Filters.eq("other.depth", 12.5)), Sorts.ascending("_id"), 0),
                new Query(Filters.and(Filters.eq("project", "alpha"), Filters.eq("other.depth", null)), Sorts.ascending("_id"), 0));
        for (Query query : queries) {
            assertThat(query.run(indexed)).as("%s", query).isEqualTo(query.run(scanned));
        }
        for (String state : STATES) {
            assertThat(indexed.countDocuments(Filters.eq("state", state))).isEqualTo(scanned.countDocuments(Filters.eq("state", state)));
        }
    }

    private record Query(Bson filter, Bson sort, int limit) {
        List<String> run(MongoCollection<Document> collection) {
            FindIterable<Document> found = collection.find(filter).limit(limit);
            if (sort != null) {
                return ids(found.sort(sort));
            }
            List<String> ids = ids(found);
            ids.sort(null);
            return ids;
        }
    }

    private static List<String> ids(FindIterable<Document> found) {
        return found.map(document -> document.getString("_id")).into(new ArrayList<>());
    }
}
