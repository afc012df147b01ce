package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;
import static org.zonelake.metadata.UploadRecordCodec.BYTES_RECEIVED;
import static org.zonelake.metadata.UploadRecordCodec.FAILURE_REASON;
import static org.zonelake.metadata.UploadRecordCodec.ID;
import static org.zonelake.metadata.UploadRecordCodec.OBJECT_ID;
import static org.zonelake.metadata.UploadRecordCodec.PROJECT;
import static org.zonelake.metadata.UploadRecordCodec.STATE;
import static org.zonelake.metadata.UploadRecordCodec.UPDATED_AT;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadRepository;
import org.zonelake.core.metadata.UploadState;

/** Upload tracking in the {@code uploads} collection. */
public final class MongoUploadRepository implements UploadRepository {
    static final String COLLECTION = "uploads";
    private static final PagedQuery NEWEST_FIRST = new PagedQuery(UPDATED_AT, ID, true);

    private final MongoCollection<Document> uploads;

    public MongoUploadRepository(MetadataStore store) {
        requireNonNull(store, "store is null");
        this.uploads = store.database().getCollection(COLLECTION);
        DriverCalls.run(() -> uploads.createIndexes(List.of(
                // _id completes the list order (updated_at, _id), so a page is read from the index without sorting.
                new IndexModel(Indexes.ascending(PROJECT, UPDATED_AT, ID)),
                new IndexModel(Indexes.ascending(STATE, UPDATED_AT)),
                new IndexModel(Indexes.ascending(PROJECT, OBJECT_ID)))), "Cannot create the indexes of collection %s", COLLECTION);
    }

    @Override
    public void create(UploadRecord upload) {
        requireNonNull(upload, "upload is null");
        try {
            uploads.insertOne(UploadRecordCodec.toBson(upload));
        } catch (MongoException e) {
            String reason = DriverCalls.isDuplicateKey(e) ? "Upload id %s is already taken (project %s)" : "Cannot create upload %s of project %s";
            throw DriverCalls.failure(e, reason, upload.id(), upload.project());
        }
    }

    @Override
    public Optional<UploadRecord> find(String project, String id) {
        Document document = DriverCalls.call(() -> uploads.find(key(project, id)).first(), "Cannot read upload %s of project %s", id, project);
        return Optional.ofNullable(document).map(UploadRecordCodec::fromBson);
    }

    @Override
    public boolean advance(String project, String id, long expectedOffset, long newOffset, Instant now) {
        requireNonNull(now, "now is null");
        Bson filter = Filters.and(key(project, id), Filters.eq(STATE, UploadState.RECEIVING.wireName()), Filters.eq(BYTES_RECEIVED, expectedOffset));
        Bson update = Updates.combine(Updates.set(BYTES_RECEIVED, newOffset), Updates.set(UPDATED_AT, Date.from(now)));
        return DriverCalls.call(() -> uploads.updateOne(filter, update).getMatchedCount() == 1,
                "Cannot advance upload %s of project %s to offset %d", id, project, newOffset);
    }

    /** A {@code null} object id or failure reason leaves the stored one as it is. */
    @Override
    public void updateState(String project, String id, UploadState state, Long objectId, String failureReason, Instant now) {
        Bson update = stateUpdate(state, objectId, failureReason, now);
        long matched = DriverCalls.call(() -> uploads.updateOne(key(project, id), update).getMatchedCount(),
                "Cannot set upload %s of project %s to %s", id, project, state);
        if (matched == 0) {
            throw LakeException.of(ErrorCode.UPLOAD_NOT_FOUND, "No upload %s in project %s", id, project);
        }
    }

    @Override
    public void updateStateByObject(String project, long objectId, UploadState state, String failureReason, Instant now) {
        requireNonNull(project, "project is null");
        Bson filter = Filters.and(Filters.eq(PROJECT, project), Filters.eq(OBJECT_ID, objectId));
        Bson update = stateUpdate(state, null, failureReason, now);
        DriverCalls.run(() -> uploads.updateOne(filter, update),
                "Cannot set the upload of object %d of project %s to %s", objectId, project, state);
    }

    private static Bson stateUpdate(UploadState state, Long objectId, String failureReason, Instant now) {
        requireNonNull(state, "state is null");
        requireNonNull(now, "now is null");
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set(STATE, state.wireName()));
        updates.add(Updates.set(UPDATED_AT, Date.from(now)));
        if (objectId != null) {
            updates.add(Updates.set(OBJECT_ID, objectId));
        }
        if (failureReason != null) {
            updates.add(Updates.set(FAILURE_REASON, failureReason));
        }
        return Updates.combine(updates);
    }

    @Override
    public Page<UploadRecord> list(String project, int limit, String cursor) {
        requireNonNull(project, "project is null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return DriverCalls.call(() -> NEWEST_FIRST.run(uploads, Filters.eq(PROJECT, project), limit, cursor, UploadRecordCodec::fromBson),
                "Cannot list the uploads of project %s", project);
    }

    @Override
    public List<UploadRecord> findIdle(Instant before, int limit) {
        requireNonNull(before, "before is null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        Bson filter = Filters.and(Filters.eq(STATE, UploadState.RECEIVING.wireName()), Filters.lt(UPDATED_AT, Date.from(before)));
        return DriverCalls.call(
                () -> uploads.find(filter).sort(Sorts.ascending(UPDATED_AT)).limit(limit).map(UploadRecordCodec::fromBson).into(new ArrayList<>()),
                "Cannot list uploads idle since %s", before);
    }

    @Override
    public boolean delete(String project, String id) {
        return DriverCalls.call(() -> uploads.deleteOne(key(project, id)).getDeletedCount() == 1,
                "Cannot delete upload %s of project %s", id, project);
    }

    private static Bson key(String project, String id) {
        requireNonNull(project, "project is null");
        requireNonNull(id, "id is null");
        return Filters.and(Filters.eq(ID, id), Filters.eq(PROJECT, project));
    }
}
