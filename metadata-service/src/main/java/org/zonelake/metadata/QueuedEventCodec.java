package org.zonelake.metadata;

import static org.zonelake.metadata.BsonValues.date;
import static org.zonelake.metadata.BsonValues.instant;

import java.time.Instant;
import org.bson.Document;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.QueuedEvent;

/**
 * Entries of the {@code events} and {@code events_finished} collections: the event as a sub-document plus its
 * queue bookkeeping.
 */
final class QueuedEventCodec {
    static final String ID = "_id";
    static final String EVENT = "event";
    static final String STATE = "state";
    static final String ATTEMPTS = "attempts";
    static final String AVAILABLE_AT = "available_at";
    static final String LEASE_UNTIL = "lease_until";
    static final String WORKER = "worker";
    static final String LAST_ERROR = "last_error";
    static final String ENQUEUED_AT = "enqueued_at";
    static final String FINISHED_AT = "finished_at";

    static final String WAITING = "waiting";
    static final String LEASED = "leased";
    static final String DONE = "done";
    static final String FAILED = "failed";

    private QueuedEventCodec() {}

    /** A new queue entry, available at once. */
    static Document waiting(ObjectStoredEvent event, Instant now) {
        return new Document(ID, event.eventId())
                .append(EVENT, event(event))
                .append(STATE, WAITING)
                .append(ATTEMPTS, 0)
                .append(AVAILABLE_AT, date(now))
                .append(LEASE_UNTIL, null)
                .append(WORKER, null)
                .append(LAST_ERROR, null)
                .append(ENQUEUED_AT, date(now))
                .append(FINISHED_AT, null);
    }

    static QueuedEvent fromBson(Document document) {
        return new QueuedEvent(event(document.get(EVENT, Document.class)),
                document.get(ATTEMPTS, Number.class).intValue(),
                instant(document.getDate(LEASE_UNTIL)));
    }

    static Document event(ObjectStoredEvent event) {
        return new Document("project", event.project())
                .append("object_id", event.objectId())
                .append("storage_name", event.storageName())
                .append("content_type", event.contentType())
                .append("size", event.size())
                .append("sha256", event.sha256())
                .append("template", event.template())
                .append("uploader", event.uploader())
                .append("stored_at", date(event.storedAt()));
    }

    static ObjectStoredEvent event(Document document) {
        return new ObjectStoredEvent(
                document.getString("project"),
                document.get("object_id", Number.class).longValue(),
                document.getString("storage_name"),
                document.getString("content_type"),
                document.get("size", Number.class).longValue(),
                document.getString("sha256"),
                document.getString("template"),
                document.getString("uploader"),
                instant(document.getDate("stored_at")));
    }
}
