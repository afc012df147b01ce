package org.zonelake.core.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.zonelake.core.raw.StoredBlob;

/** Object documents of the metadata zone. Every update is a single atomic operation on the store. */
public interface ObjectRepository {
    /** Allocates the next object id of the project, atomically: concurrent callers never get the same id. */
    long allocateId(String project);

    /** Inserts a {@code PENDING} document. */
    void insert(ObjectDocument pending);

    /** Makes a pending document visible with the raw zone's size and hash and the detected type; returns it. */
    ObjectDocument markStored(String project, long id, StoredBlob blob, String contentType, Instant now);

    /** The document in whatever status, or empty. */
    Optional<ObjectDocument> find(String project, long id);

    /** Visible ({@code STORED}) documents matching the query, in the query's order. */
    Page<ObjectDocument> search(CatalogQuery query);

    /** Appends an operation to {@code successful_operations} or {@code failed_operations}. */
    void appendOperation(String project, long id, Operation operation, boolean successful);

    /** Records that the "object stored" event was handed to the process zone. */
    void markTriggered(String project, long id, Instant now);

    /** Moves a {@code STORED} document to {@code DELETING}; false if it was not stored. */
    boolean markDeleting(String project, long id, Instant now);

    /** Removes the document; true if it existed. */
    boolean remove(String project, long id);

    /** Documents left in the given status since before the instant (for the sweeper), across projects. */
    List<ObjectDocument> findStale(ObjectStatus status, Instant before, int limit);

    /** Stored documents whose event was not handed over yet, across projects, oldest first. */
    List<ObjectDocument> findUntriggered(int limit);
}
