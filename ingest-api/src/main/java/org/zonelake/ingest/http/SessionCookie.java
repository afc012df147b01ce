package org.zonelake.ingest.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;

/**
 * The token of a login as an HttpOnly cookie, for browsers: scripts cannot read it, it is sent only to the lake's own
 * pages ({@code SameSite=Strict}) and under {@code /api/}, and {@link Authentication} accepts it for reads only.
 */
public final class SessionCookie {
    public static final String NAME = "zonelake_token";

    private SessionCookie() {}

    /** Sets the cookie until the token expires; {@code Secure} when the request came over HTTPS (also behind a proxy). */
    public static void set(Context ctx, String token, Instant expiresAt) {
        long seconds = Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds());
        ctx.res().addHeader("Set-Cookie", NAME + "=" + token + "; Max-Age=" + seconds + "; Path=/api/; HttpOnly; SameSite=Strict" + secure(ctx));
    }

    public static void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", NAME + "=; Max-Age=0; Path=/api/; HttpOnly; SameSite=Strict" + secure(ctx));
    }

    static String token(Context ctx) {
        String token = ctx.cookie(NAME);
        return token == null || token.isBlank() ? null : token.trim();
    }

    private static String secure(Context ctx) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return https ? "; Secure" : "";
    }
}
