package org.zonelake.ingest.auth;

import java.time.Instant;
import org.zonelake.core.identity.AuthToken;

/** Answer to a login: the token (also in the {@code X-Subject-Token} header), its expiry and the user. */
public record TokenResponse(String token, Instant expiresAt, UserView user) {
    public static TokenResponse of(AuthToken token) {
        return new TokenResponse(token.token(), token.expiresAt(), UserView.of(token.principal()));
    }

    @Override
    public String toString() {
        return "TokenResponse[user=" + user.username() + ", expiresAt=" + expiresAt + "]";
    }
}
