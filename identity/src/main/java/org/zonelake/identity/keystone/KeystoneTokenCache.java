package org.zonelake.identity.keystone;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.zonelake.core.identity.Principal;

/**
 * Tokens Keystone recently validated, by token digest: a bounded LRU map whose entries are trusted for a short
 * time, never past the token's expiry, and never after the token or its user was evicted.
 *
 * <p>Every eviction bumps a generation number and every entry remembers the generation it was loaded under. A
 * caller reads {@link #generation()} before asking Keystone and hands it to {@link #put}, so a validation that
 * raced with a revocation cannot put the revoked token back.
 */
final class KeystoneTokenCache {
    private record Entry(String userId, Principal principal, Instant expiresAt, Instant cachedAt, long generation) {}

    private final int maxEntries;
    private final Duration entryTtl;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries;
    private long generation;

    KeystoneTokenCache(int maxEntries, Duration entryTtl, Clock clock) {
        this.maxEntries = maxEntries;
        this.entryTtl = requireNonNull(entryTtl, "entryTtl is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > KeystoneTokenCache.this.maxEntries;
            }
        };
    }

    synchronized long generation() {
        return generation;
    }

    /** The principal behind the token while its entry is fresh; empty when unknown, stale, expired or evicted. */
    synchronized Optional<Principal> get(String digest) {
        Entry entry = entries.get(digest);
        Instant now = clock.instant();
        if (entry == null || !now.isBefore(entry.expiresAt()) || !now.isBefore(entry.cachedAt().plus(entryTtl))) {
            return Optional.empty();
        }
        return Optional.of(entry.principal());
    }

    /** Remembers a validation made under {@code loadedUnder}; ignored if anything was evicted since. */
    synchronized void put(String digest, String userId, Principal principal, Instant expiresAt, long loadedUnder) {
        if (maxEntries == 0 || entryTtl.isZero() || loadedUnder != generation) {
            return;
        }
        entries.put(digest, new Entry(userId, principal, expiresAt, clock.instant(), loadedUnder));
    }

    /** Forgets one token (logout). */
    synchronized void evictToken(String digest) {
        generation++;
        entries.remove(digest);
    }

    /** Forgets every token of a user whose account, password or roles changed. */
    synchronized void evictUser(String userId) {
        generation++;
        entries.values().removeIf(entry -> entry.userId().equals(userId));
    }

    synchronized int size() {
        return entries.size();
    }
}
