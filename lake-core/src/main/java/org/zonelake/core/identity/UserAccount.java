package org.zonelake.core.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A user as administrators see it (never with a password or hash). */
public record UserAccount(String username, String email, boolean enabled, boolean platformAdmin, Instant createdAt) {
    public UserAccount {
        requireNonNull(username, "username is null");
        email = email == null ? "" : email;
        requireNonNull(createdAt, "createdAt is null");
    }
}
