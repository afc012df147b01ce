package org.zonelake.raw.swift;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;

/**
 * A signed-in session: the token, the account's storage URL, and when to sign in again (ahead of the token's expiry,
 * so that a long upload does not run into it).
 */
public record SwiftSession(String token, HttpUrl storageUrl, Instant refreshAt) {
    /** Sign in again this long before the token expires, or halfway through a shorter lifetime. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    public SwiftSession {
        requireNonNull(token, "token is null");
        requireNonNull(storageUrl, "storageUrl is null");
        requireNonNull(refreshAt, "refreshAt is null");
    }

    /** A session whose token, obtained at {@code now}, expires at {@code expiresAt}. */
    static SwiftSession expiring(String token, HttpUrl storageUrl, Instant now, Instant expiresAt) {
        Duration lifetime = Duration.between(now, expiresAt);
        Duration margin = lifetime.dividedBy(2).compareTo(REFRESH_MARGIN) < 0 ? lifetime.dividedBy(2) : REFRESH_MARGIN;
        return new SwiftSession(token, storageUrl, expiresAt.minus(margin));
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "SwiftSession[token=***, storageUrl=" + storageUrl + ", refreshAt=" + refreshAt + "]";
    }
}
