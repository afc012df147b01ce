package org.zonelake.ingest.auth;

/** Body of {@code POST /api/v1/auth/tokens}. {@code toString()} never shows the password. */
public record LoginRequest(String username, String password) {
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}
