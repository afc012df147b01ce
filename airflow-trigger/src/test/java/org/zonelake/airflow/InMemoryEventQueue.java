package org.zonelake.airflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.QueuedEvent;

/** An {@link EventQueue} in a map, with the semantics of the metadata zone's queue; the tests read its entries. */
final class InMemoryEventQueue implements EventQueue {
    enum State { WAITING, LEASED, DONE, FAILED }

    /** One event and where it stands. */
    record Entry(ObjectStoredEvent event, State state, int attempts, Instant availableAt, Instant leaseUntil, String worker, String lastError) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    @Override
    public synchronized boolean enqueue(ObjectStoredEvent event, Instant now) {
        return entries.putIfAbsent(event.eventId(), new Entry(event, State.WAITING, 0, now, null, null, null)) == null;
    }

    @Override
    public synchronized Optional<QueuedEvent> claim(String worker, Duration lease, Instant now) {
        Optional<Entry> claimable = entries.values().stream()
                .filter(e -> e.state() == State.LEASED && e.leaseUntil().isBefore(now)
                        || e.state() == State.WAITING && !e.availableAt().isAfter(now))
                .min(Comparator.comparing((Entry e) -> e.state() == State.LEASED ? 0 : 1).thenComparing(Entry::availableAt));
        return claimable.map(e -> {
            Entry leased = new Entry(e.event(), State.LEASED, e.attempts() + 1, e.availableAt(), now.plus(lease), worker, e.lastError());
            entries.put(e.event().eventId(), leased);
            return new QueuedEvent(e.event(), leased.attempts(), leased.leaseUntil());
        });
    }

    @Override
    public synchronized void complete(String eventId, Instant now) {
        entries.computeIfPresent(eventId, (id, e) -> new Entry(e.event(), State.DONE, e.attempts(), e.availableAt(), null, null, e.lastError()));
    }

    @Override
    public synchronized void retryLater(String eventId, String reason, Instant retryAt) {
        entries.computeIfPresent(eventId, (id, e) -> e.state() == State.DONE || e.state() == State.FAILED ? e
                : new Entry(e.event(), State.WAITING, e.attempts(), retryAt, null, null, reason));
    }

    @Override
    public synchronized void fail(String eventId, String reason, Instant now) {
        entries.computeIfPresent(eventId, (id, e) -> new Entry(e.event(), State.FAILED, e.attempts(), e.availableAt(), null, null, reason));
    }

    @Override
    public synchronized long backlog() {
        return entries.values().stream().filter(e -> e.state() == State.WAITING || e.state() == State.LEASED).count();
    }

    synchronized Entry entry(String eventId) {
        return entries.get(eventId);
    }
}
