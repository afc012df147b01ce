package org.zonelake.core.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Upload tracking records. */
public interface UploadRepository {
    void create(UploadRecord upload);

    Optional<UploadRecord> find(String project, String id);

    /**
     * Atomically moves the offset of a {@code RECEIVING} upload from {@code expectedOffset} to {@code newOffset};
     * false if the upload is not receiving or its offset is not the expected one (a concurrent or stale PATCH).
     */
    boolean advance(String project, String id, long expectedOffset, long newOffset, Instant now);

    /** Sets the state (and the object id and failure reason, either may be {@code null}). */
    void updateState(String project, String id, UploadState state, Long objectId, String failureReason, Instant now);

    /** Sets the state of the upload that produced the object, if any. */
    void updateStateByObject(String project, long objectId, UploadState state, String failureReason, Instant now);

    /** The project's uploads, most recently updated first. */
    Page<UploadRecord> list(String project, int limit, String cursor);

    /** Uploads still receiving whose last update is before the instant (abandoned), across projects. */
    List<UploadRecord> findIdle(Instant before, int limit);

    boolean delete(String project, String id);
}
