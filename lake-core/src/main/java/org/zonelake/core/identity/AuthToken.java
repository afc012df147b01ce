package org.zonelake.core.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A bearer token issued at login. {@code toString()} never shows the token. */
public record AuthToken(String token, Principal principal, Instant issuedAt, Instant expiresAt) {
    public AuthToken {
        requireNonNull(token, "token is null");
        requireNonNull(principal, "principal is null");
        requireNonNull(issuedAt, "issuedAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }

    @Override
    public String toString() {
        return "AuthToken[user=" + principal.username() + ", expiresAt=" + expiresAt + "]";
    }
}
