package org.zonelake.pipelines;

import static java.util.Objects.requireNonNull;

import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.UploadKind;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.StoredBlob;
import org.zonelake.metadata.MetadataStore;
import org.zonelake.metadata.MongoEventQueue;
import org.zonelake.metadata.MongoObjectRepository;
import org.zonelake.metadata.MongoUploadRepository;

/** The real metadata-zone adapters on one database, and stored objects with their uploads to process. */
public final class PipelineTestbed implements AutoCloseable {
    public static final String PROJECT = "pipeline-project";
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public final MetadataStore store;
    public final MongoEventQueue queue;
    public final MongoObjectRepository objects;
    public final MongoUploadRepository uploads;
    public final Clock clock = Clock.systemUTC();

    public PipelineTestbed(MetadataStore store) {
        this.store = requireNonNull(store, "store is null");
        this.queue = new MongoEventQueue(store);
        this.objects = new MongoObjectRepository(store);
        this.uploads = new MongoUploadRepository(store);
    }

    /** A stored object whose upload waits for processing; returns the event announcing it. */
    public ObjectStoredEvent storedObject() {
        Instant now = clock.instant();
        long id = objects.allocateId(PROJECT);
        String storageName = "object-" + id;
        objects.insert(ObjectDocument.pending(PROJECT, id, storageName, "measurements-" + id + ".csv", "alice",
                "time series", "tests", null, null, Map.of(), now));
        objects.markStored(PROJECT, id, new StoredBlob(new ObjectKey(PROJECT, storageName), 4, SHA256, now), "text/csv", now);
        uploads.create(new UploadRecord(uploadId(id), PROJECT, UploadKind.SINGLE_REQUEST, "alice", "measurements-" + id + ".csv",
                4L, 4, UploadState.STORED, id, null, Map.of(), "time series", null, now, now));
        return new ObjectStoredEvent(PROJECT, id, storageName, "text/csv", 4, SHA256, null, "alice", now);
    }

    public ObjectDocument object(ObjectStoredEvent event) {
        return objects.find(event.project(), event.objectId()).orElseThrow();
    }

    public UploadRecord upload(ObjectStoredEvent event) {
        return uploads.find(event.project(), uploadId(event.objectId())).orElseThrow();
    }

    public UploadState uploadState(ObjectStoredEvent event) {
        return upload(event).state();
    }

    /**
     * The queue's own record of the event: state and attempts, as an operator would look them up. Waiting and
     * leased events are in {@code events}, finished ones in {@code events_finished}. The queue copies a finished
     * event there before removing it from {@code events}, so reading {@code events} first never misses it.
     */
    public Optional<Document> queueEntry(ObjectStoredEvent event) {
        Document queued = entry("events", event);
        return Optional.ofNullable(queued != null ? queued : entry("events_finished", event));
    }

    private Document entry(String collection, ObjectStoredEvent event) {
        return store.database().getCollection(collection).find(Filters.eq("_id", event.eventId())).first();
    }

    private static String uploadId(long objectId) {
        return "upload-" + objectId;
    }

    @Override
    public void close() {
        store.close();
    }
}
