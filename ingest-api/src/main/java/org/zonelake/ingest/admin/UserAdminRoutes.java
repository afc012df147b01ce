package org.zonelake.ingest.admin;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.core.identity.NewUser;
import org.zonelake.core.identity.Principal;
import org.zonelake.core.identity.UserAccount;
import org.zonelake.ingest.ItemsPage;
import org.zonelake.ingest.JsonBodies;
import org.zonelake.ingest.QueryParams;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.admin.AdminRequests.NewUserRequest;
import org.zonelake.ingest.admin.AdminRequests.PasswordReset;
import org.zonelake.ingest.admin.AdminRequests.UserPatch;
import org.zonelake.ingest.http.Access;

/** User administration under /api/v1/admin/users, for platform admins; every change is audited. */
public final class UserAdminRoutes implements Routes {
    static final String USERS = "/api/v1/admin/users";
    static final String USER = USERS + "/{username}";

    private final IdentityProvider identity;
    private final Access access;
    private final AuditTrail audit;
    private final ObjectMapper mapper;

    public UserAdminRoutes(IdentityProvider identity, Access access, AuditTrail audit, ObjectMapper mapper) {
        this.identity = requireNonNull(identity, "identity is null");
        this.access = requireNonNull(access, "access is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    @Override
    public void register(Javalin app) {
        app.get(USERS, this::list);
        app.post(USERS, this::create);
        app.get(USER, this::get);
        app.patch(USER, this::update);
        app.delete(USER, this::delete);
        app.post(USER + "/password", this::resetPassword);
    }

    /** Users by name, paged with an opaque cursor holding the last name of the previous page. */
    private void list(Context ctx) {
        access.platformAdmin(ctx);
        int limit = QueryParams.limit(ctx);
        String after = decodeCursor(QueryParams.cursor(ctx));
        List<UserAccount> users = identity.listUsers().stream()
                .filter(user -> after == null || user.username().compareTo(after) > 0)
                .sorted(Comparator.comparing(UserAccount::username))
                .limit(limit + 1L)
                .toList();
        List<UserAccount> page = users.subList(0, Math.min(limit, users.size()));
        String next = users.size() > limit ? encodeCursor(page.get(page.size() - 1).username()) : null;
        ctx.json(new ItemsPage<>(page, next));
    }

    private void create(Context ctx) {
        NewUserRequest request = JsonBodies.read(ctx, mapper, NewUserRequest.class);
        String username = JsonBodies.required(request.username(), "username");
        UserAccount created = audit.audited(ctx, "user.create", username, () -> {
            access.platformAdmin(ctx);
            return identity.createUser(newUser(username, request));
        });
        ctx.status(201).json(created);
    }

    private static NewUser newUser(String username, NewUserRequest request) {
        try {
            return new NewUser(username, JsonBodies.required(request.password(), "password"), request.email(),
                    Boolean.TRUE.equals(request.platformAdmin()));
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
    }

    private void get(Context ctx) {
        access.platformAdmin(ctx);
        ctx.json(existing(ctx.pathParam("username")));
    }

    private void update(Context ctx) {
        String username = ctx.pathParam("username");
        boolean enabled = JsonBodies.required(JsonBodies.read(ctx, mapper, UserPatch.class).enabled(), "enabled");
        audit.audited(ctx, enabled ? "user.enable" : "user.disable", username, () -> {
            notSelf(access.platformAdmin(ctx), username, "disable");
            identity.setEnabled(username, enabled);
        });
        ctx.json(existing(username));
    }

    private void delete(Context ctx) {
        String username = ctx.pathParam("username");
        audit.audited(ctx, "user.delete", username, () -> {
            notSelf(access.platformAdmin(ctx), username, "delete");
            identity.deleteUser(username);
        });
        ctx.status(204);
    }

    private void resetPassword(Context ctx) {
        String username = ctx.pathParam("username");
        String password = JsonBodies.required(JsonBodies.read(ctx, mapper, PasswordReset.class).password(), "password");
        audit.audited(ctx, "user.password_reset", username, () -> {
            access.platformAdmin(ctx);
            requireStrongEnough(password);
            identity.resetPassword(username, password);
        });
        ctx.status(204);
    }

    private static void requireStrongEnough(String password) {
        try {
            NewUser.requireStrongEnough(password);
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
    }

    /** An admin who disables or deletes themselves could leave the lake without any admin. */
    private static void notSelf(Principal caller, String username, String verb) {
        if (caller.username().equals(username)) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "You cannot %s your own account; ask another platform admin", verb);
        }
    }

    private UserAccount existing(String username) {
        return identity.findUser(username)
                .orElseThrow(() -> LakeException.of(ErrorCode.USER_NOT_FOUND, "User %s does not exist", username));
    }

    private static String encodeCursor(String username) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(username.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCode.INVALID_CURSOR, "Invalid user list cursor", e);
        }
    }
}
