package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

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

        Document raw = store.database().getCollection("events").find(Filters.eq("_id", "alpha:1")).first();

        assertThat(raw.getString("state")).isEqualTo("failed");
        assertThat(raw.getString("last_error")).isEqualTo("schema mismatch");
        assertThat(raw.getString("worker")).isEqualTo("worker-2");
        assertThat(raw.getInteger("attempts")).isEqualTo(2);
        assertThat(raw.get("event", Document.class).getLong("object_id")).isEqualTo(1L);
        assertThat(raw).containsKeys("available_at", "lease_until", "enqueued_at", "finished_at");
    }
}
