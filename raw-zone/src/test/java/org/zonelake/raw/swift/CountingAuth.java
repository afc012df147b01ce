package org.zonelake.raw.swift;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;

/** Signs in without a server: token-1, token-2, ... for the given storage URL, each due for renewal after an hour. */
final class CountingAuth implements SwiftAuth {
    static final Duration LIFETIME = Duration.ofHours(1);

    private final HttpUrl storageUrl;
    private final Clock clock;
    private final AtomicInteger count = new AtomicInteger();

    CountingAuth(HttpUrl storageUrl, Clock clock) {
        this.storageUrl = storageUrl;
        this.clock = clock;
    }

    @Override
    public SwiftSession authenticate() {
        return new SwiftSession("token-" + count.incrementAndGet(), storageUrl, clock.instant().plus(LIFETIME));
    }

    int count() {
        return count.get();
    }
}
