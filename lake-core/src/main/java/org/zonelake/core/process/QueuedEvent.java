package org.zonelake.core.process;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An event claimed from the queue by one worker until {@code leaseUntil}. */
public record QueuedEvent(ObjectStoredEvent event, int attempts, Instant leaseUntil) {
    public QueuedEvent {
        requireNonNull(event, "event is null");
        requireNonNull(leaseUntil, "leaseUntil is null");
    }
}
