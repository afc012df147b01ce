package org.zonelake.ingest.service;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Everything but the bytes of an object to store.
 *
 * @param originalName the client's file name, kept verbatim and never used as a path
 * @param template template name or {@code null}
 * @param metadata template field values as given by the client (validated by the service)
 */
public record StoreRequest(
        String project,
        String uploader,
        String originalName,
        String template,
        Map<String, Object> metadata,
        String dataProcessing,
        String application,
        String description) {

    public StoreRequest {
        requireNonNull(project, "project is null");
        requireNonNull(uploader, "uploader is null");
        requireNonNull(originalName, "originalName is null");
        metadata = metadata == null ? Map.of() : metadata;
    }
}
