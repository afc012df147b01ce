package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zonelake.core.process.EventQueue;

class MongoEventQueueTest extends EventQueueContract {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    private MetadataStore store;
    private MongoEventQueue queue;

    @BeforeEach
    void freshDatabase() {
        store = STORES.freshStore();
        queue = new MongoEventQueue(store);
    }

    @Override
    protected EventQueue queue() {
        return queue;
    }

    @Test
    void keepsTheLastErrorAndTheWorkerForOperators() {
        queue.enqueue(event("alpha", 1), T0);
        queue.claim("worker-1", LEASE, T0);
        queue.retryLater("alpha:1", "pipeline unavailable", T0.plusSeconds(60));
        queue.claim("worker-2", LEASE, T0.plusSeconds(60));
        queue.fail("alpha:1", "schema mismatch", T0.plusSeconds(61));

        Document raw = finished().find(Filters.eq("_id", "alpha:1")).first();

        assertThat(raw.getString("state")).isEqualTo("failed");
        assertThat(raw.getString("last_error")).isEqualTo("schema mismatch");
        assertThat(raw.getString("worker")).isEqualTo("worker-2");
        assertThat(raw.getInteger("attempts")).isEqualTo(2);
        assertThat(raw.get("event", Document.class).getLong("object_id")).isEqualTo(1L);
        assertThat(raw.getDate("finished_at").toInstant()).isEqualTo(T0.plusSeconds(61));
        assertThat(raw).containsKeys("available_at", "lease_until", "enqueued_at");
    }

    @Test
    void keepsOnlyWaitingAndLeasedEventsInTheQueueCollection() {
        queue.enqueue(event("alpha", 1), T0);
        queue.enqueue(event("alpha", 2), T0);
        queue.enqueue(event("alpha", 3), T0);
        queue.claim("worker-1", LEASE, T0);
        queue.complete("alpha:1", T0.plusSeconds(1));
        queue.claim("worker-1", LEASE, T0);

        assertThat(events().find().map(entry -> entry.getString("_id") + "=" + entry.getString("state")).into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrder("alpha:2=leased", "alpha:3=waiting");
        Document done = finished().find(Filters.eq("_id", "alpha:1")).first();
        assertThat(done.getString("state")).isEqualTo("done");
        assertThat(done.getInteger("attempts")).isEqualTo(1);
        assertThat(done.get("lease_until")).isNull();
    }

    @Test
    void finishingAnEventAlreadyCopiedToTheFinishedCollectionOnlyRemovesItFromTheQueue() {
        queue.enqueue(event("alpha", 1), T0);
        queue.claim("worker-1", LEASE, T0);
        // As if the lake stopped between copying the finished event and removing it from the queue.
        finished().insertOne(events().find(Filters.eq("_id", "alpha:1")).first().append("state", "done"));
        queue.claim("worker-2", LEASE, T0.plus(LEASE).plusMillis(1)).orElseThrow();

        queue.complete("alpha:1", T0.plus(LEASE).plusSeconds(1));

        assertThat(events().countDocuments()).isZero();
        Document done = finished().find(Filters.eq("_id", "alpha:1")).first();
        assertThat(done.getString("worker")).isEqualTo("worker-2");
        assertThat(done.getInteger("attempts")).isEqualTo(2);
        assertThat(queue.enqueue(event("alpha", 1), T0.plus(LEASE).plusSeconds(2))).isFalse();
    }

    @Test
    void refusesToEnqueueAFailedEventAgain() {
        queue.enqueue(event("alpha", 1), T0);
        queue.claim("worker-1", LEASE, T0);
        queue.fail("alpha:1", "gave up", T0.plusSeconds(1));

        assertThat(queue.enqueue(event("alpha", 1), T0.plusSeconds(2))).isFalse();
        assertThat(queue.backlog()).isZero();
    }

    @Test
    void movesFinishedEntriesLeftInTheQueueCollectionWhenItStarts() {
        queue.enqueue(event("alpha", 1), T0);
        queue.enqueue(event("alpha", 2), T0);
        events().updateOne(Filters.eq("_id", "alpha:1"), new Document("$set", new Document("state", "done")));

        MongoEventQueue restarted = new MongoEventQueue(store);

        assertThat(restarted.backlog()).isEqualTo(1);
        assertThat(finished().find(Filters.eq("_id", "alpha:1")).first().getString("state")).isEqualTo("done");
        assertThat(restarted.claim("worker-1", LEASE, T0).orElseThrow().event()).isEqualTo(event("alpha", 2));
    }

    private MongoCollection<Document> events() {
        return store.database().getCollection("events");
    }

    private MongoCollection<Document> finished() {
        return store.database().getCollection("events_finished");
    }
}
