package org.zonelake.core.metadata;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The metadata-zone description of one raw object. Field names follow the reference system where they mean
 * the same thing ({@code content_type}, {@code original_object_name}, {@code other_data}, ...).
 *
 * @param project the project (the reference's container)
 * @param id the object id, unique and increasing within the project
 * @param storageName the object's name in the raw zone
 * @param originalObjectName the client's file name, kept verbatim (never used as a path)
 * @param contentType the type detected from the bytes and the name
 * @param dataProcessing the kind of data the uploader declared (free text, optional)
 * @param uploader user name of the uploader
 * @param application the client application that sent the object (optional)
 * @param description free text (optional)
 * @param template the metadata template used, or {@code null}
 * @param otherData the validated template field values
 * @param sha256 hex SHA-256 of the bytes ({@code null} while pending)
 * @param size bytes ({@code -1} while pending)
 * @param triggeredAt when the "object stored" event was handed to the process zone, or {@code null}
 * @param parentId the object this one was derived from (an archive it was an entry of), or {@code null}
 */
public record ObjectDocument(
        String project,
        long id,
        String storageName,
        String originalObjectName,
        String contentType,
        String dataProcessing,
        String uploader,
        String application,
        String description,
        String template,
        Map<String, Object> otherData,
        String sha256,
        long size,
        ObjectStatus status,
        Instant creationDate,
        Instant lastModified,
        Instant triggeredAt,
        List<Operation> successfulOperations,
        List<Operation> failedOperations,
        Long parentId) {

    public ObjectDocument {
        requireNonNull(project, "project is null");
        requireNonNull(storageName, "storageName is null");
        requireNonNull(originalObjectName, "originalObjectName is null");
        requireNonNull(uploader, "uploader is null");
        requireNonNull(status, "status is null");
        requireNonNull(creationDate, "creationDate is null");
        requireNonNull(lastModified, "lastModified is null");
        otherData = otherData == null ? Map.of() : Map.copyOf(otherData);
        successfulOperations = successfulOperations == null ? List.of() : List.copyOf(successfulOperations);
        failedOperations = failedOperations == null ? List.of() : List.copyOf(failedOperations);
    }

    /** A new, invisible document for an object whose bytes are about to be written. */
    public static ObjectDocument pending(String project, long id, String storageName, String originalObjectName, String uploader,
                                         String dataProcessing, String application, String description, String template,
                                         Map<String, Object> otherData, Instant now) {
        return new ObjectDocument(project, id, storageName, originalObjectName, null, dataProcessing, uploader, application,
                description, template, otherData, null, -1, ObjectStatus.PENDING, now, now, null, List.of(), List.of(), null);
    }

    /** This document, marked as derived from the object {@code parentId}. */
    public ObjectDocument withParent(long parentId) {
        return new ObjectDocument(project, id, storageName, originalObjectName, contentType, dataProcessing, uploader, application,
                description, template, otherData, sha256, size, status, creationDate, lastModified, triggeredAt,
                successfulOperations, failedOperations, parentId);
    }
}
