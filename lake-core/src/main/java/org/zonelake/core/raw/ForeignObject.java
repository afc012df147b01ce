package org.zonelake.core.raw;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An object as the raw zone's storage reports it. {@code writtenByLake} is true for objects the lake's own
 * {@link ObjectStore} wrote (they carry its metadata); {@code contentType} is what the writer declared, or null.
 */
public record ForeignObject(String project, String name, long size, String contentType, boolean writtenByLake, Instant lastModified) {
    public ForeignObject {
        requireNonNull(project, "project is null");
        requireNonNull(name, "name is null");
        requireNonNull(lastModified, "lastModified is null");
    }
}
