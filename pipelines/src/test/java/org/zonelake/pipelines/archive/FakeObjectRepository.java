package org.zonelake.pipelines.archive;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.zonelake.core.metadata.CatalogQuery;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.raw.StoredBlob;

/** Object documents in memory: ids, insert and find, all the archive pipeline uses. */
final class FakeObjectRepository implements ObjectRepository {
    private final Map<String, ObjectDocument> documents = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(99);

    /** A stored document of {@code project} named {@code name}, derived from {@code parentId} (null: uploaded). */
    ObjectDocument stored(String project, String name, Long parentId) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        long id = allocateId(project);
        ObjectDocument document = new ObjectDocument(project, id, "obj-" + id, name, "application/octet-stream", null, "alice", null,
                null, null, Map.of(), null, 0, ObjectStatus.STORED, now, now, null, List.of(), List.of(), parentId);
        insert(document);
        return document;
    }

    @Override
    public long allocateId(String project) {
        return ids.incrementAndGet();
    }

    @Override
    public void insert(ObjectDocument document) {
        documents.put(document.project() + "/" + document.id(), document);
    }

    @Override
    public Optional<ObjectDocument> find(String project, long id) {
        return Optional.ofNullable(documents.get(project + "/" + id));
    }

    @Override
    public ObjectDocument markStored(String project, long id, StoredBlob blob, String contentType, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<ObjectDocument> search(CatalogQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void appendOperation(String project, long id, Operation operation, boolean successful) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void markTriggered(String project, long id, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean markDeleting(String project, long id, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(String project, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ObjectDocument> findStale(ObjectStatus status, Instant before, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ObjectDocument> findUntriggered(int limit) {
        throw new UnsupportedOperationException();
    }
}
