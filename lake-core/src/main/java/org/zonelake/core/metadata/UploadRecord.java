package org.zonelake.core.metadata;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * Tracking of one upload, single-request or resumable.
 *
 * @param id opaque upload id (the tus upload URL ends with it)
 * @param length total bytes announced by the client, or {@code null} if not yet known
 * @param bytesReceived bytes durably received so far (the tus offset)
 * @param objectId the stored object once {@code state} is past {@code RECEIVING}, else {@code null}
 * @param metadata the template field values given at creation (validated again when stored)
 * @param failureReason why the upload or its processing failed, or {@code null}
 */
public record UploadRecord(
        String id,
        String project,
        UploadKind kind,
        String uploader,
        String originalName,
        Long length,
        long bytesReceived,
        UploadState state,
        Long objectId,
        String template,
        Map<String, Object> metadata,
        String dataProcessing,
        String failureReason,
        Instant startedAt,
        Instant updatedAt) {

    public UploadRecord {
        requireNonNull(id, "id is null");
        requireNonNull(project, "project is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(uploader, "uploader is null");
        requireNonNull(originalName, "originalName is null");
        requireNonNull(state, "state is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
