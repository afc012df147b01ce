package org.zonelake.webhook;

/**
 * The ids of events the receiver has taken on, so that a redelivered event is recognised. Bounded: an event
 * forgotten after long enough is harmless, as acting on an event twice is idempotent (the trigger de-duplicates and a
 * foreign object can be adopted only once); remembering only saves the work.
 */
public interface SeenEvents {
    /** Records the id; true if it was not recorded yet (the caller goes on), false for a duplicate. Atomic. */
    boolean markSeen(String eventId);

    /** Removes the id again, when acting on the event failed and its redelivery must be handled. */
    void forget(String eventId);
}
