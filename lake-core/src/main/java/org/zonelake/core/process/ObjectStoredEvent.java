package org.zonelake.core.process;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** "An object's bytes and metadata document are durable": what the process zone is told. */
public record ObjectStoredEvent(
        String project,
        long objectId,
        String storageName,
        String contentType,
        long size,
        String sha256,
        String template,
        String uploader,
        Instant storedAt) {

    public ObjectStoredEvent {
        requireNonNull(project, "project is null");
        requireNonNull(storageName, "storageName is null");
        requireNonNull(storedAt, "storedAt is null");
    }

    /** Stable id: handing the same object over twice is one event. */
    public String eventId() {
        return project + ":" + objectId;
    }
}
