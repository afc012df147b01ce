package org.zonelake.webhook;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last {@code capacity} event ids of this process, oldest forgotten first. For one gateway and for tests. */
public final class InMemorySeenEvents implements SeenEvents {
    private final Map<String, Boolean> ids;

    public InMemorySeenEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized boolean markSeen(String eventId) {
        requireNonNull(eventId, "eventId is null");
        return ids.putIfAbsent(eventId, Boolean.TRUE) == null;
    }

    @Override
    public synchronized void forget(String eventId) {
        ids.remove(eventId);
    }
}
