package org.zonelake.ingest.uploads;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per upload id in this JVM, so that two requests never write the same staging file at once and recovery
 * never finishes an upload a request is finishing. Across processes the offset compare-and-set of the upload
 * repository is the guard. Entries live only while someone holds or waits for them.
 */
final class UploadLocks {
    /** Shared by the routes and the recovery of one server: the staging directory is per process too. */
    static final UploadLocks SHARED = new UploadLocks();

    private final Map<String, Entry> entries = new HashMap<>();

    /** The lock of the upload, once free within {@code wait}; empty if another holder kept it longer. */
    Optional<Held> acquire(String id, Duration wait) {
        Entry entry = enter(id);
        boolean locked = false;
        try {
            locked = entry.lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!locked) {
                leave(id, entry);
            }
        }
        return locked ? Optional.of(new Held(id, entry)) : Optional.empty();
    }

    /** The lock of the upload if nobody holds it now. */
    Optional<Held> tryAcquire(String id) {
        return acquire(id, Duration.ZERO);
    }

    private synchronized Entry enter(String id) {
        Entry entry = entries.computeIfAbsent(id, key -> new Entry());
        entry.users++;
        return entry;
    }

    private synchronized void leave(String id, Entry entry) {
        if (--entry.users == 0) {
            entries.remove(id);
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private static final class Entry {
        private final ReentrantLock lock = new ReentrantLock();
        private int users;
    }

    /** A held lock, to release in a {@code finally} block. */
    final class Held {
        private final String id;
        private final Entry entry;

        private Held(String id, Entry entry) {
            this.id = id;
            this.entry = entry;
        }

        void release() {
            entry.lock.unlock();
            leave(id, entry);
        }
    }
}
