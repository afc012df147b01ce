package org.zonelake.identity;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.zonelake.core.identity.Principal;

/**
 * Recently validated tokens, by token digest: a bounded LRU map whose entries are trusted for a short time,
 * never past the token's expiry, and never after an invalidation.
 *
 * <p>Invalidation bumps a generation number and every entry remembers the generation it was loaded under. A
 * caller reads {@link #generation()} before reading the store and hands it to {@link #put}; an entry loaded
 * before a change therefore cannot survive it, even when it is put after the invalidation.
 */
final class TokenCache {
    private record Entry(Principal principal, Instant expiresAt, Instant cachedAt, long generation) {}

    private final int maxEntries;
    private final Duration entryTtl;
    private final AtomicLong generation = new AtomicLong();
    private final LinkedHashMap<String, Entry> entries;

    TokenCache(int maxEntries, Duration entryTtl) {
        this.maxEntries = maxEntries;
        this.entryTtl = requireNonNull(entryTtl, "entryTtl is null");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > TokenCache.this.maxEntries;
            }
        };
    }

    long generation() {
        return generation.get();
    }

    Optional<Principal> get(String digest, Instant now) {
        Entry entry;
        synchronized (entries) {
            entry = entries.get(digest);
        }
        if (entry == null || !usable(entry, now)) {
            return Optional.empty();
        }
        return Optional.of(entry.principal());
    }

    void put(String digest, Principal principal, Instant expiresAt, long loadedUnder, Instant now) {
        if (maxEntries == 0 || entryTtl.isZero()) {
            return;
        }
        synchronized (entries) {
            entries.put(digest, new Entry(principal, expiresAt, now, loadedUnder));
        }
    }

    /** Forgets everything; called after every change that can alter a token's principal or validity. */
    void invalidateAll() {
        generation.incrementAndGet();
        synchronized (entries) {
            entries.clear();
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private boolean usable(Entry entry, Instant now) {
        return entry.generation() == generation.get()
                && now.isBefore(entry.expiresAt())
                && now.isBefore(entry.cachedAt().plus(entryTtl));
    }
}
