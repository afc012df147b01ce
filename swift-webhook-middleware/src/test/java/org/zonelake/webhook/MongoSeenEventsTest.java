package org.zonelake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zonelake.metadata.EmbeddedMetadataStores;
import org.zonelake.metadata.MetadataStore;

class MongoSeenEventsTest {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    private MetadataStore store;
    private SeenEvents seen;

    @BeforeEach
    void freshStore() {
        store = STORES.freshStore();
        seen = new MongoSeenEvents(store, Duration.ofDays(7), Clock.systemUTC());
    }

    @Test
    void recognisesAnIdOnlyTheSecondTimeAcrossInstances() {
        assertThat(seen.markSeen("a")).isTrue();

        assertThat(new MongoSeenEvents(store, Duration.ofDays(7), Clock.systemUTC()).markSeen("a")).isFalse();
    }

    @Test
    void aForgottenIdCountsAsNewAgain() {
        seen.markSeen("a");
        seen.forget("a");

        assertThat(seen.markSeen("a")).isTrue();
    }

    @Test
    void idsExpireThroughATtlIndex() {
        List<Long> expiries = new ArrayList<>();
        store.database().getCollection(MongoSeenEvents.COLLECTION).listIndexes().forEach(index -> {
            Number seconds = index.get("expireAfterSeconds", Number.class);
            if (seconds != null) {
                expiries.add(seconds.longValue());
            }
        });

        assertThat(expiries).containsExactly(Duration.ofDays(7).toSeconds());
    }
}
