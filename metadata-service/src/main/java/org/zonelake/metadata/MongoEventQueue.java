package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;
import static org.zonelake.metadata.QueuedEventCodec.ATTEMPTS;
import static org.zonelake.metadata.QueuedEventCodec.AVAILABLE_AT;
import static org.zonelake.metadata.QueuedEventCodec.DONE;
import static org.zonelake.metadata.QueuedEventCodec.FAILED;
import static org.zonelake.metadata.QueuedEventCodec.FINISHED_AT;
import static org.zonelake.metadata.QueuedEventCodec.ID;
import static org.zonelake.metadata.QueuedEventCodec.LAST_ERROR;
import static org.zonelake.metadata.QueuedEventCodec.LEASED;
import static org.zonelake.metadata.QueuedEventCodec.LEASE_UNTIL;
import static org.zonelake.metadata.QueuedEventCodec.STATE;
import static org.zonelake.metadata.QueuedEventCodec.WAITING;
import static org.zonelake.metadata.QueuedEventCodec.WORKER;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.QueuedEvent;

/**
 * The "object stored" queue in the {@code events} collection. Claiming is one findOneAndUpdate, so two
 * workers never lease the same event; a lease that runs out makes the event claimable again.
 */
public final class MongoEventQueue implements EventQueue {
    private static final Logger LOG = LoggerFactory.getLogger(MongoEventQueue.class);
    static final String COLLECTION = "events";

    private final MongoCollection<Document> events;

    public MongoEventQueue(MetadataStore store) {
        requireNonNull(store, "store is null");
        this.events = store.database().getCollection(COLLECTION);
        DriverCalls.run(() -> events.createIndexes(List.of(
                new IndexModel(Indexes.ascending(STATE, AVAILABLE_AT)),
                new IndexModel(Indexes.ascending(STATE, LEASE_UNTIL)))), "Cannot create the indexes of collection %s", COLLECTION);
    }

    @Override
    public boolean enqueue(ObjectStoredEvent event, Instant now) {
        requireNonNull(event, "event is null");
        requireNonNull(now, "now is null");
        try {
            events.insertOne(QueuedEventCodec.waiting(event, now));
            return true;
        } catch (MongoException e) {
            if (DriverCalls.isDuplicateKey(e)) {
                return false;
            }
            throw DriverCalls.failure(e, "Cannot enqueue event %s", event.eventId());
        }
    }

    @Override
    public Optional<QueuedEvent> claim(String worker, Duration lease, Instant now) {
        requireNonNull(worker, "worker is null");
        requireNonNull(lease, "lease is null");
        requireNonNull(now, "now is null");
        Date at = Date.from(now);
        Bson claimable = Filters.or(
                Filters.and(Filters.eq(STATE, WAITING), Filters.lte(AVAILABLE_AT, at)),
                Filters.and(Filters.eq(STATE, LEASED), Filters.lt(LEASE_UNTIL, at)));
        Bson update = Updates.combine(
                Updates.set(STATE, LEASED),
                Updates.set(LEASE_UNTIL, Date.from(now.plus(lease))),
                Updates.set(WORKER, worker),
                Updates.inc(ATTEMPTS, 1));
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().sort(Sorts.ascending(AVAILABLE_AT)).returnDocument(ReturnDocument.AFTER);
        Document claimed = DriverCalls.call(() -> events.findOneAndUpdate(claimable, update, options), "Worker %s cannot claim an event", worker);
        return Optional.ofNullable(claimed).map(QueuedEventCodec::fromBson);
    }

    @Override
    public void complete(String eventId, Instant now) {
        requireNonNull(now, "now is null");
        finish(eventId, Updates.combine(Updates.set(STATE, DONE), Updates.set(FINISHED_AT, Date.from(now)), Updates.set(LEASE_UNTIL, null)),
                "complete");
    }

    @Override
    public void retryLater(String eventId, String reason, Instant retryAt) {
        requireNonNull(retryAt, "retryAt is null");
        finish(eventId, Updates.combine(Updates.set(STATE, WAITING), Updates.set(AVAILABLE_AT, Date.from(retryAt)),
                Updates.set(LAST_ERROR, reason), Updates.set(LEASE_UNTIL, null), Updates.set(WORKER, null)), "retry");
    }

    @Override
    public void fail(String eventId, String reason, Instant now) {
        requireNonNull(now, "now is null");
        finish(eventId, Updates.combine(Updates.set(STATE, FAILED), Updates.set(LAST_ERROR, reason),
                Updates.set(FINISHED_AT, Date.from(now)), Updates.set(LEASE_UNTIL, null)), "fail");
    }

    private void finish(String eventId, Bson update, String action) {
        requireNonNull(eventId, "eventId is null");
        long matched = DriverCalls.call(() -> events.updateOne(Filters.eq(ID, eventId), update).getMatchedCount(),
                "Cannot %s event %s", action, eventId);
        if (matched == 0) {
            LOG.warn("Cannot {} event {}: it is not in the queue", action, eventId);
        }
    }

    @Override
    public long backlog() {
        return DriverCalls.call(() -> events.countDocuments(Filters.in(STATE, WAITING, LEASED)), "Cannot count the event backlog");
    }
}
