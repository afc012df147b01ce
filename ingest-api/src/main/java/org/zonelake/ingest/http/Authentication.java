package org.zonelake.ingest.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;
import org.slf4j.MDC;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.core.identity.Principal;

/**
 * Authenticates every API request but the public ones from {@code X-Auth-Token} or {@code Authorization: Bearer}.
 * Tokens in a query string are refused outright: they end up in logs and browser histories.
 *
 * <p>Reads ({@code GET}, {@code HEAD}) also take the token from the {@link SessionCookie} that a login sets, so that a
 * browser can stream a download to disk through a plain link. Nothing else does: a request that changes something
 * must carry the token in a header, which another site cannot make a browser send (no cross-site request forgery).
 */
public final class Authentication implements Handler {
    public static final String TOKEN_HEADER = "X-Auth-Token";
    private static final String PRINCIPAL = "zonelake.principal";
    private static final String TOKEN = "zonelake.token";
    private static final Set<String> QUERY_TOKEN_NAMES = Set.of("token", "access_token", "auth_token", "x-auth-token", "api_key");

    private final IdentityProvider identity;
    private final Set<String> publicPaths;

    /** {@code publicPaths}: "METHOD path" pairs that need no token, e.g. {@code "POST /api/v1/auth/tokens"}. */
    public Authentication(IdentityProvider identity, Set<String> publicPaths) {
        this.identity = requireNonNull(identity, "identity is null");
        this.publicPaths = Set.copyOf(publicPaths);
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.method().name().equals("OPTIONS") || publicPaths.contains(ctx.method().name() + " " + ctx.path())) {
            return;
        }
        for (String name : ctx.queryParamMap().keySet()) {
            if (QUERY_TOKEN_NAMES.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new LakeException(ErrorCode.INVALID_REQUEST, "Tokens are not accepted in the query string; send X-Auth-Token or Authorization: Bearer");
            }
        }
        String token = tokenOf(ctx);
        if (token == null) {
            throw new LakeException(ErrorCode.NOT_AUTHENTICATED, "This endpoint needs a token: log in with POST /api/v1/auth/tokens and send it as X-Auth-Token");
        }
        Principal principal = identity.authenticate(token);
        ctx.attribute(PRINCIPAL, principal);
        ctx.attribute(TOKEN, token);
        MDC.put("user", principal.username());
    }

    static String tokenOf(Context ctx) {
        String token = ctx.header(TOKEN_HEADER);
        if (token != null && !token.isBlank()) {
            return token.trim();
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String bearer = authorization.substring(7).trim();
            return bearer.isEmpty() ? null : bearer;
        }
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD")) {
            return SessionCookie.token(ctx);
        }
        return null;
    }

    /** The authenticated principal of the request. */
    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new LakeException(ErrorCode.NOT_AUTHENTICATED, "This endpoint needs a token");
        }
        return principal;
    }

    /** The token the request was authenticated with. */
    public static String token(Context ctx) {
        String token = ctx.attribute(TOKEN);
        if (token == null) {
            throw new LakeException(ErrorCode.NOT_AUTHENTICATED, "This endpoint needs a token");
        }
        return token;
    }
}
