package org.zonelake.webhook;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.CatalogQuery;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.raw.StoredBlob;

/** A real repository whose {@code markStored} can be made to fail once, as when MongoDB is briefly unreachable. */
final class FlakyObjectRepository implements ObjectRepository {
    private final ObjectRepository delegate;
    volatile boolean failNextMarkStored;

    FlakyObjectRepository(ObjectRepository delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public long allocateId(String project) {
        return delegate.allocateId(project);
    }

    @Override
    public void insert(ObjectDocument pending) {
        delegate.insert(pending);
    }

    @Override
    public ObjectDocument markStored(String project, long id, StoredBlob blob, String contentType, Instant now) {
        if (failNextMarkStored) {
            failNextMarkStored = false;
            throw LakeException.of(ErrorCode.METADATA_FAILURE, "Cannot mark object %d of project %s stored: timed out", id, project);
        }
        return delegate.markStored(project, id, blob, contentType, now);
    }

    @Override
    public Optional<ObjectDocument> find(String project, long id) {
        return delegate.find(project, id);
    }

    @Override
    public Page<ObjectDocument> search(CatalogQuery query) {
        return delegate.search(query);
    }

    @Override
    public void appendOperation(String project, long id, Operation operation, boolean successful) {
        delegate.appendOperation(project, id, operation, successful);
    }

    @Override
    public void markTriggered(String project, long id, Instant now) {
        delegate.markTriggered(project, id, now);
    }

    @Override
    public boolean markDeleting(String project, long id, Instant now) {
        return delegate.markDeleting(project, id, now);
    }

    @Override
    public boolean remove(String project, long id) {
        return delegate.remove(project, id);
    }

    @Override
    public List<ObjectDocument> findStale(ObjectStatus status, Instant before, int limit) {
        return delegate.findStale(status, before, limit);
    }

    @Override
    public List<ObjectDocument> findUntriggered(int limit) {
        return delegate.findUntriggered(limit);
    }
}
