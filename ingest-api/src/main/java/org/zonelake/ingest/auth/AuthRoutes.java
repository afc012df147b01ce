package org.zonelake.ingest.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.AuthToken;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.ingest.JsonBodies;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.admin.AuditTrail;
import org.zonelake.ingest.http.Authentication;
import org.zonelake.ingest.http.SessionCookie;

/** Login, "who am I" and logout under /api/v1/auth/tokens (Keystone's path and header conventions). */
public final class AuthRoutes implements Routes {
    public static final String PATH = "/api/v1/auth/tokens";
    /** Keystone answers a login with the token in this header; clients written for Keystone look for it there. */
    public static final String SUBJECT_TOKEN_HEADER = "X-Subject-Token";

    private final IdentityProvider identity;
    private final AuditTrail audit;
    private final ObjectMapper mapper;

    public AuthRoutes(IdentityProvider identity, AuditTrail audit, ObjectMapper mapper) {
        this.identity = requireNonNull(identity, "identity is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    @Override
    public void register(Javalin app) {
        app.post(PATH, this::login);
        app.get(PATH, this::whoAmI);
        app.delete(PATH, this::logout);
    }

    private void login(Context ctx) {
        LoginRequest request = JsonBodies.read(ctx, mapper, LoginRequest.class);
        String username = JsonBodies.required(request.username(), "username");
        String password = JsonBodies.required(request.password(), "password");
        AuthToken token;
        try {
            token = identity.login(username, password);
        } catch (LakeException e) {
            audit.record(ctx, username, "login", username, AuditTrail.FAILURE, e.code().wireName());
            throw e;
        }
        audit.record(ctx, username, "login", username, AuditTrail.SUCCESS, "");
        ctx.header(SUBJECT_TOKEN_HEADER, token.token());
        ctx.header("Cache-Control", "no-store");
        SessionCookie.set(ctx, token.token(), token.expiresAt());
        ctx.status(201).json(TokenResponse.of(token));
    }

    private void whoAmI(Context ctx) {
        // The identity port does not tell a token's expiry after login, so only the user is answered.
        ctx.json(Map.of("user", UserView.of(Authentication.principal(ctx))));
    }

    private void logout(Context ctx) {
        String username = Authentication.principal(ctx).username();
        audit.audited(ctx, "logout", username, () -> identity.revoke(Authentication.token(ctx)));
        SessionCookie.clear(ctx);
        ctx.status(204);
    }
}
