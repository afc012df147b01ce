package org.zonelake.ingest.objects;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.Operation;

/**
 * An object's metadata document as the API shows it: the reference system's snake_case fields, the status as
 * lower-case text, and nothing of the lake's internals (the storage name, the hand-over time).
 *
 * @param parentId the object this one was derived from (the archive it was an entry of), or {@code null}
 */
public record ObjectView(
        long id,
        String project,
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
        String status,
        Instant creationDate,
        Instant lastModified,
        List<Operation> successfulOperations,
        List<Operation> failedOperations,
        Long parentId) {

    public static ObjectView of(ObjectDocument document) {
        return new ObjectView(document.id(), document.project(), document.originalObjectName(), document.contentType(),
                document.dataProcessing(), document.uploader(), document.application(), document.description(),
                document.template(), document.otherData(), document.sha256(), document.size(),
                document.status().name().toLowerCase(Locale.ROOT), document.creationDate(), document.lastModified(),
                document.successfulOperations(), document.failedOperations(), document.parentId());
    }
}
