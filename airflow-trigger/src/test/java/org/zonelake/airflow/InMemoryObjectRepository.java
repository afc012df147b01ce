package org.zonelake.airflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.zonelake.core.metadata.CatalogQuery;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.raw.StoredBlob;

/** Object documents in a map: what the dispatcher reads (find), and a way for tests to put and delete them. */
final class InMemoryObjectRepository implements ObjectRepository {
    private final Map<String, ObjectDocument> documents = new ConcurrentHashMap<>();

    /** A stored object as the gateway leaves it. */
    ObjectDocument store(String project, long id, String contentType, Instant storedAt) {
        ObjectDocument stored = new ObjectDocument(project, id, project + "/" + id + "/data.csv", "data.csv", contentType, null, "alice",
                null, null, "sensors", Map.of(), "ab12", 1234, ObjectStatus.STORED, storedAt, storedAt, storedAt, List.of(), List.of(), null);
        documents.put(key(project, id), stored);
        return stored;
    }

    @Override
    public Optional<ObjectDocument> find(String project, long id) {
        return Optional.ofNullable(documents.get(key(project, id)));
    }

    @Override
    public boolean remove(String project, long id) {
        return documents.remove(key(project, id)) != null;
    }

    @Override
    public long allocateId(String project) {
        throw unused();
    }

    @Override
    public void insert(ObjectDocument pending) {
        throw unused();
    }

    @Override
    public ObjectDocument markStored(String project, long id, StoredBlob blob, String contentType, Instant now) {
        throw unused();
    }

    @Override
    public Page<ObjectDocument> search(CatalogQuery query) {
        throw unused();
    }

    @Override
    public void appendOperation(String project, long id, Operation operation, boolean successful) {
        throw unused();
    }

    @Override
    public void markTriggered(String project, long id, Instant now) {
        throw unused();
    }

    @Override
    public boolean markDeleting(String project, long id, Instant now) {
        throw unused();
    }

    @Override
    public List<ObjectDocument> findStale(ObjectStatus status, Instant before, int limit) {
        throw unused();
    }

    @Override
    public List<ObjectDocument> findUntriggered(int limit) {
        throw unused();
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("the Airflow dispatcher only reads object documents");
    }

    private static String key(String project, long id) {
        return project + "/" + id;
    }
}
