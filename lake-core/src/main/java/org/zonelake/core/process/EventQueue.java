package org.zonelake.core.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A durable queue of "object stored" events. A claimed event whose lease runs out (its worker died) is
 * claimable again, so every event is processed to completion at least once; steps are idempotent.
 */
public interface EventQueue {
    /** Adds the event unless one with the same id is already queued or done; returns whether it was added. */
    boolean enqueue(ObjectStoredEvent event, Instant now);

    /** Claims the oldest available event (due, and not leased), if any. */
    Optional<QueuedEvent> claim(String worker, Duration lease, Instant now);

    /** Marks the event done. */
    void complete(String eventId, Instant now);

    /** Gives the event back to be retried no earlier than {@code retryAt}, recording why. */
    void retryLater(String eventId, String reason, Instant retryAt);

    /** Marks the event as given up after repeated failures. */
    void fail(String eventId, String reason, Instant now);

    /** Events waiting or in progress. */
    long backlog();
}
