package org.zonelake.core.metadata;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One processing step applied to an object, as listed in its {@code successful_operations} / {@code failed_operations}. */
public record Operation(String name, Instant at, String detail, String runId) {
    public Operation {
        requireNonNull(name, "name is null");
        requireNonNull(at, "at is null");
        detail = detail == null ? "" : detail;
    }
}
