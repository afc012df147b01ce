package org.zonelake.webhook;

import static java.util.Objects.requireNonNull;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.metadata.MetadataStore;

/**
 * Event ids in the metadata zone's {@code swift_events_seen} collection, shared by every gateway; MongoDB's TTL
 * index removes them after {@code retention} (the embedded server keeps them: it has no TTL monitor).
 */
public final class MongoSeenEvents implements SeenEvents {
    static final String COLLECTION = "swift_events_seen";
    private static final String SEEN_AT = "seen_at";

    private final MongoCollection<Document> seen;
    private final Clock clock;

    public MongoSeenEvents(MetadataStore store, Duration retention, Clock clock) {
        requireNonNull(store, "store is null");
        requireNonNull(retention, "retention is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.seen = store.database().getCollection(COLLECTION);
        call(() -> seen.createIndex(Indexes.ascending(SEEN_AT), new IndexOptions().expireAfter(retention.toSeconds(), TimeUnit.SECONDS)),
                "Cannot create the TTL index of collection %s", COLLECTION);
    }

    @Override
    public boolean markSeen(String eventId) {
        requireNonNull(eventId, "eventId is null");
        try {
            seen.insertOne(new Document("_id", eventId).append(SEEN_AT, Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw failure(e, "Cannot record Swift event %s", eventId);
        } catch (MongoException e) {
            throw failure(e, "Cannot record Swift event %s", eventId);
        }
    }

    @Override
    public void forget(String eventId) {
        call(() -> seen.deleteOne(Filters.eq("_id", eventId)), "Cannot forget Swift event %s", eventId);
    }

    private static void call(Runnable action, String format, Object... args) {
        try {
            action.run();
        } catch (MongoException e) {
            throw failure(e, format, args);
        }
    }

    private static LakeException failure(MongoException e, String format, Object... args) {
        return new LakeException(ErrorCode.METADATA_FAILURE, String.format(format, args) + ": " + e.getMessage(), e);
    }
}
