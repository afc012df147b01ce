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
import java.util.ArrayList;
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
 * The "object stored" queue. {@code events} holds only the waiting and leased events, so claiming and
 * counting the backlog stay as cheap as the backlog is small, however many events the lake has processed;
 * finished (done or failed) events move to {@code events_finished}, where they stay for operators and
 * for {@link #enqueue} to refuse them. Each claim attempt is one findOneAndUpdate, so two workers never
 * lease the same event; a lease that runs out makes the event claimable again.
 */
public final class MongoEventQueue implements EventQueue {
    private static final Logger LOG = LoggerFactory.getLogger(MongoEventQueue.class);
    static final String COLLECTION = "events";
    static final String FINISHED_COLLECTION = "events_finished";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> finished;

    public MongoEventQueue(MetadataStore store) {
        requireNonNull(store, "store is null");
        this.events = store.database().getCollection(COLLECTION);
        this.finished = store.database().getCollection(FINISHED_COLLECTION);
        DriverCalls.run(() -> events.createIndexes(List.of(
                new IndexModel(Indexes.ascending(STATE, AVAILABLE_AT)),
                new IndexModel(Indexes.ascending(STATE, LEASE_UNTIL)))), "Cannot create the indexes of collection %s", COLLECTION);
        DriverCalls.run(this::moveFinishedEntries, "Cannot move the finished events out of collection %s", COLLECTION);
    }

    /** Finished entries still in {@code events} (kept there before the queue moved them out) go where they belong. */
    private void moveFinishedEntries() {
        for (Document entry : events.find(Filters.in(STATE, DONE, FAILED)).into(new ArrayList<>())) {
            moveToFinished(entry);
        }
    }

    /**
     * Refuses an event that is queued (duplicate {@code _id} in {@code events}) or finished (found in
     * {@code events_finished}). The two checks are not one atomic step: if the event is finished between
     * them, it is queued once more and processed again, which is harmless because steps are idempotent,
     * and it needs an event to be enqueued again while it is being processed, which the lake does only
     * when a hand-over is retried.
     */
    @Override
    public boolean enqueue(ObjectStoredEvent event, Instant now) {
        requireNonNull(event, "event is null");
        requireNonNull(now, "now is null");
        try {
            if (finished.find(Filters.eq(ID, event.eventId())).first() != null) {
                return false;
            }
            events.insertOne(QueuedEventCodec.waiting(event, now));
            return true;
        } catch (MongoException e) {
            if (DriverCalls.isDuplicateKey(e)) {
                return false;
            }
            throw DriverCalls.failure(e, "Cannot enqueue event %s", event.eventId());
        }
    }

    /**
     * An event whose lease ran out (its worker died) is claimed first, then the due waiting events oldest first.
     * Each attempt is one findOneAndUpdate whose filter and sort follow one index, (state, lease_until) or
     * (state, available_at), so it costs the same however long the backlog is.
     */
    @Override
    public Optional<QueuedEvent> claim(String worker, Duration lease, Instant now) {
        requireNonNull(worker, "worker is null");
        requireNonNull(lease, "lease is null");
        requireNonNull(now, "now is null");
        Date at = Date.from(now);
        Bson update = Updates.combine(
                Updates.set(STATE, LEASED),
                Updates.set(LEASE_UNTIL, Date.from(now.plus(lease))),
                Updates.set(WORKER, worker),
                Updates.inc(ATTEMPTS, 1));
        Document claimed = DriverCalls.call(
                () -> Optional.ofNullable(claimFirst(Filters.and(Filters.eq(STATE, LEASED), Filters.lt(LEASE_UNTIL, at)), LEASE_UNTIL, update))
                        .orElseGet(() -> claimFirst(Filters.and(Filters.eq(STATE, WAITING), Filters.lte(AVAILABLE_AT, at)), AVAILABLE_AT, update)),
                "Worker %s cannot claim an event", worker);
        return Optional.ofNullable(claimed).map(QueuedEventCodec::fromBson);
    }

    private Document claimFirst(Bson claimable, String oldestFirst, Bson update) {
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().sort(Sorts.ascending(oldestFirst)).returnDocument(ReturnDocument.AFTER);
        return events.findOneAndUpdate(claimable, update, options);
    }

    @Override
    public void complete(String eventId, Instant now) {
        requireNonNull(now, "now is null");
        finish(eventId, DONE, null, now, "complete");
    }

    @Override
    public void retryLater(String eventId, String reason, Instant retryAt) {
        requireNonNull(eventId, "eventId is null");
        requireNonNull(retryAt, "retryAt is null");
        Bson update = Updates.combine(Updates.set(STATE, WAITING), Updates.set(AVAILABLE_AT, Date.from(retryAt)),
                Updates.set(LAST_ERROR, reason), Updates.set(LEASE_UNTIL, null), Updates.set(WORKER, null));
        long matched = DriverCalls.call(() -> events.updateOne(Filters.eq(ID, eventId), update).getMatchedCount(),
                "Cannot retry event %s", eventId);
        if (matched == 0) {
            LOG.warn("Cannot retry event {}: it is not in the queue", eventId);
        }
    }

    @Override
    public void fail(String eventId, String reason, Instant now) {
        requireNonNull(now, "now is null");
        finish(eventId, FAILED, reason, now, "fail");
    }

    private void finish(String eventId, String state, String reason, Instant now, String action) {
        requireNonNull(eventId, "eventId is null");
        Document entry = DriverCalls.call(() -> events.find(Filters.eq(ID, eventId)).first(), "Cannot %s event %s", action, eventId);
        if (entry == null) {
            LOG.warn("Cannot {} event {}: it is not in the queue", action, eventId);
            return;
        }
        entry.put(STATE, state);
        entry.put(FINISHED_AT, Date.from(now));
        entry.put(LEASE_UNTIL, null);
        if (FAILED.equals(state)) {
            entry.put(LAST_ERROR, reason);
        }
        DriverCalls.run(() -> moveToFinished(entry), "Cannot %s event %s", action, eventId);
    }

    /**
     * Copies the entry to {@code events_finished}, then removes it from {@code events}. A crash in between
     * leaves it in both: its lease runs out, a worker claims it again and runs the (idempotent) steps once
     * more, and finishing it again replaces the copy with the newer entry and removes the queue entry.
     */
    private void moveToFinished(Document entry) {
        try {
            finished.insertOne(entry);
        } catch (MongoException e) {
            if (!DriverCalls.isDuplicateKey(e)) {
                throw e;
            }
            finished.replaceOne(Filters.eq(ID, entry.get(ID)), entry);
        }
        events.deleteOne(Filters.eq(ID, entry.get(ID)));
    }

    @Override
    public long backlog() {
        return DriverCalls.call(events::countDocuments, "Cannot count the event backlog");
    }
}
