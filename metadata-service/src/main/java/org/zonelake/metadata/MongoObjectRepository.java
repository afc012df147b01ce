package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;
import static org.zonelake.metadata.ObjectDocumentCodec.CONTENT_TYPE;
import static org.zonelake.metadata.ObjectDocumentCodec.CREATION_DATE;
import static org.zonelake.metadata.ObjectDocumentCodec.FAILED_OPERATIONS;
import static org.zonelake.metadata.ObjectDocumentCodec.LAST_MODIFIED;
import static org.zonelake.metadata.ObjectDocumentCodec.OBJECT_ID;
import static org.zonelake.metadata.ObjectDocumentCodec.ORIGINAL_OBJECT_NAME;
import static org.zonelake.metadata.ObjectDocumentCodec.PROJECT;
import static org.zonelake.metadata.ObjectDocumentCodec.SHA256;
import static org.zonelake.metadata.ObjectDocumentCodec.SIZE;
import static org.zonelake.metadata.ObjectDocumentCodec.STATUS;
import static org.zonelake.metadata.ObjectDocumentCodec.SUCCESSFUL_OPERATIONS;
import static org.zonelake.metadata.ObjectDocumentCodec.TEMPLATE;
import static org.zonelake.metadata.ObjectDocumentCodec.TRIGGERED_AT;
import static org.zonelake.metadata.ObjectDocumentCodec.status;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.CatalogQuery;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.raw.StoredBlob;

/** Object documents in the {@code objects} collection; ids come from the {@code counters} collection. */
public final class MongoObjectRepository implements ObjectRepository {
    private static final Logger LOG = LoggerFactory.getLogger(MongoObjectRepository.class);
    static final String COLLECTION = "objects";
    static final String COUNTERS = "counters";
    /** MongoDB's code for "cannot create index", e.g. when a collection already has 64 indexes. */
    private static final int CANNOT_CREATE_INDEX = 67;

    private final MongoCollection<Document> objects;
    private final MongoCollection<Document> counters;

    public MongoObjectRepository(MetadataStore store) {
        requireNonNull(store, "store is null");
        this.objects = store.database().getCollection(COLLECTION);
        this.counters = store.database().getCollection(COUNTERS);
        DriverCalls.run(this::ensureIndexes, "Cannot create the indexes of collection %s", COLLECTION);
    }

    private void ensureIndexes() {
        objects.createIndexes(List.of(
                new IndexModel(Indexes.ascending(PROJECT, OBJECT_ID), new IndexOptions().unique(true)),
                new IndexModel(Indexes.ascending(PROJECT, STATUS, CREATION_DATE, OBJECT_ID)),
                new IndexModel(Indexes.ascending(PROJECT, STATUS, ORIGINAL_OBJECT_NAME, OBJECT_ID)),
                new IndexModel(Indexes.ascending(PROJECT, STATUS, SIZE, OBJECT_ID)),
                new IndexModel(Indexes.ascending(PROJECT, STATUS, CONTENT_TYPE, CREATION_DATE)),
                new IndexModel(Indexes.ascending(PROJECT, TEMPLATE, CREATION_DATE)),
                new IndexModel(Indexes.ascending(STATUS, LAST_MODIFIED)),
                new IndexModel(Indexes.ascending(STATUS, TRIGGERED_AT, CREATION_DATE))));
    }

    /**
     * Indexes {@code other_data.<field>} so that catalog filters on a template field are served by an index.
     * Called when a template is created or changed; idempotent. A server that refuses more indexes only
     * makes those filters slower, so that refusal is logged, not thrown.
     */
    public void ensureFieldIndex(String project, String fieldName) {
        requireNonNull(project, "project is null");
        String path = CatalogFilter.fieldPath(fieldName);
        try {
            objects.createIndex(Indexes.ascending(PROJECT, path));
        } catch (MongoCommandException e) {
            if (e.getCode() != CANNOT_CREATE_INDEX) {
                throw DriverCalls.failure(e, "Cannot index field %s of project %s", fieldName, project);
            }
            LOG.warn("Field {} of project {} is not indexed; filters on it scan the project's objects", fieldName, project, e);
        } catch (MongoException e) {
            throw DriverCalls.failure(e, "Cannot index field %s of project %s", fieldName, project);
        }
    }

    @Override
    public long allocateId(String project) {
        requireNonNull(project, "project is null");
        return DriverCalls.call(() -> nextSequence("objects:" + project), "Cannot allocate an object id in project %s", project);
    }

    /** One atomic increment; the first increment of a counter creates it (upsert). */
    private long nextSequence(String counter) {
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        try {
            return counters.findOneAndUpdate(Filters.eq("_id", counter), Updates.inc("seq", 1L), options).get("seq", Number.class).longValue();
        } catch (MongoException e) {
            if (!DriverCalls.isDuplicateKey(e)) {
                throw e;
            }
            // Two first increments raced to insert the counter; the loser's retry now finds it and increments it.
            return counters.findOneAndUpdate(Filters.eq("_id", counter), Updates.inc("seq", 1L), options).get("seq", Number.class).longValue();
        }
    }

    @Override
    public void insert(ObjectDocument pending) {
        requireNonNull(pending, "pending is null");
        try {
            objects.insertOne(ObjectDocumentCodec.toBson(pending));
        } catch (MongoException e) {
            String reason = DriverCalls.isDuplicateKey(e) ? "Object id %d is already taken in project %s" : "Cannot insert object %d of project %s";
            throw DriverCalls.failure(e, reason, pending.id(), pending.project());
        }
    }

    @Override
    public ObjectDocument markStored(String project, long id, StoredBlob blob, String contentType, Instant now) {
        requireNonNull(blob, "blob is null");
        requireNonNull(now, "now is null");
        Bson update = Updates.combine(
                Updates.set(SIZE, blob.size()),
                Updates.set(SHA256, blob.sha256()),
                Updates.set(CONTENT_TYPE, contentType),
                Updates.set(STATUS, status(ObjectStatus.STORED)),
                Updates.set(LAST_MODIFIED, Date.from(now)));
        Document stored = DriverCalls.call(
                () -> objects.findOneAndUpdate(Filters.and(key(project, id), Filters.eq(STATUS, status(ObjectStatus.PENDING))), update,
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)),
                "Cannot mark object %d of project %s stored", id, project);
        if (stored == null) {
            throw LakeException.of(ErrorCode.OBJECT_NOT_FOUND, "No pending object %d in project %s", id, project);
        }
        return ObjectDocumentCodec.fromBson(stored);
    }

    @Override
    public Optional<ObjectDocument> find(String project, long id) {
        Document document = DriverCalls.call(() -> objects.find(key(project, id)).first(), "Cannot read object %d of project %s", id, project);
        return Optional.ofNullable(document).map(ObjectDocumentCodec::fromBson);
    }

    @Override
    public Page<ObjectDocument> search(CatalogQuery query) {
        requireNonNull(query, "query is null");
        PagedQuery paged = new PagedQuery(sortField(query.sort()), OBJECT_ID, query.descending());
        Bson filter = CatalogFilter.of(query);
        return DriverCalls.call(() -> paged.run(objects, filter, query.limit(), query.cursor(), ObjectDocumentCodec::fromBson),
                "Cannot search the catalog of project %s", query.project());
    }

    private static String sortField(CatalogQuery.SortField sort) {
        return switch (sort) {
            case CREATION_DATE -> CREATION_DATE;
            case ORIGINAL_OBJECT_NAME -> ORIGINAL_OBJECT_NAME;
            case SIZE -> SIZE;
            case ID -> OBJECT_ID;
        };
    }

    @Override
    public void appendOperation(String project, long id, Operation operation, boolean successful) {
        requireNonNull(operation, "operation is null");
        Bson update = Updates.combine(
                Updates.push(successful ? SUCCESSFUL_OPERATIONS : FAILED_OPERATIONS, ObjectDocumentCodec.operation(operation)),
                Updates.set(LAST_MODIFIED, Date.from(operation.at())));
        updateExisting(project, id, update, "record operation " + operation.name());
    }

    @Override
    public void markTriggered(String project, long id, Instant now) {
        requireNonNull(now, "now is null");
        updateExisting(project, id, Updates.set(TRIGGERED_AT, Date.from(now)), "mark triggered");
    }

    private void updateExisting(String project, long id, Bson update, String action) {
        long matched = DriverCalls.call(() -> objects.updateOne(key(project, id), update).getMatchedCount(),
                "Cannot %s on object %d of project %s", action, id, project);
        if (matched == 0) {
            throw LakeException.of(ErrorCode.OBJECT_NOT_FOUND, "No object %d in project %s", id, project);
        }
    }

    @Override
    public boolean markDeleting(String project, long id, Instant now) {
        requireNonNull(now, "now is null");
        Bson filter = Filters.and(key(project, id), Filters.eq(STATUS, status(ObjectStatus.STORED)));
        Bson update = Updates.combine(Updates.set(STATUS, status(ObjectStatus.DELETING)), Updates.set(LAST_MODIFIED, Date.from(now)));
        return DriverCalls.call(() -> objects.updateOne(filter, update).getMatchedCount() == 1,
                "Cannot mark object %d of project %s deleting", id, project);
    }

    @Override
    public boolean remove(String project, long id) {
        return DriverCalls.call(() -> objects.deleteOne(key(project, id)).getDeletedCount() == 1,
                "Cannot remove object %d of project %s", id, project);
    }

    @Override
    public List<ObjectDocument> findStale(ObjectStatus status, Instant before, int limit) {
        requireNonNull(status, "status is null");
        requireNonNull(before, "before is null");
        Bson filter = Filters.and(Filters.eq(STATUS, status(status)), Filters.lt(LAST_MODIFIED, Date.from(before)));
        return DriverCalls.call(() -> list(filter, Sorts.ascending(LAST_MODIFIED), limit),
                "Cannot list %s objects older than %s", status(status), before);
    }

    @Override
    public List<ObjectDocument> findUntriggered(int limit) {
        Bson filter = Filters.and(Filters.eq(STATUS, status(ObjectStatus.STORED)), Filters.eq(TRIGGERED_AT, null));
        return DriverCalls.call(() -> list(filter, Sorts.ascending(CREATION_DATE), limit),
                "Cannot list untriggered objects");
    }

    private List<ObjectDocument> list(Bson filter, Bson sort, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return objects.find(filter).sort(sort).limit(limit).map(ObjectDocumentCodec::fromBson).into(new ArrayList<>());
    }

    private static Bson key(String project, long id) {
        requireNonNull(project, "project is null");
        return Filters.and(Filters.eq(PROJECT, project), Filters.eq(OBJECT_ID, id));
    }
}
