package org.zonelake.ingest.admin;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.ingest.ItemsPage;
import org.zonelake.ingest.JsonBodies;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.admin.AdminRequests.AssignmentRequest;
import org.zonelake.ingest.http.Access;

/** Role assignments under /api/v1/admin/users/{username}/assignments, for platform admins; every change is audited. */
public final class AssignmentAdminRoutes implements Routes {
    private static final String ASSIGNMENTS = UserAdminRoutes.USER + "/assignments";

    private final IdentityProvider identity;
    private final Access access;
    private final AuditTrail audit;
    private final ObjectMapper mapper;

    public AssignmentAdminRoutes(IdentityProvider identity, Access access, AuditTrail audit, ObjectMapper mapper) {
        this.identity = requireNonNull(identity, "identity is null");
        this.access = requireNonNull(access, "access is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    @Override
    public void register(Javalin app) {
        app.get(ASSIGNMENTS, this::list);
        app.post(ASSIGNMENTS, this::grant);
        app.delete(ASSIGNMENTS + "/{project}/{role}", this::revoke);
        app.post("/api/v1/admin/assignments/purge", this::purge);
    }

    /** Also answers for a deleted user whose assignments were not purged yet, so that they can be reviewed. */
    private void list(Context ctx) {
        access.platformAdmin(ctx);
        List<AssignmentView> assignments = identity.assignments(ctx.pathParam("username")).stream().map(AssignmentView::of).toList();
        ctx.json(ItemsPage.of(assignments));
    }

    private void grant(Context ctx) {
        String username = ctx.pathParam("username");
        AssignmentRequest request = JsonBodies.read(ctx, mapper, AssignmentRequest.class);
        String project = JsonBodies.required(request.project(), "project");
        String roleName = JsonBodies.required(request.role(), "role");
        audit.audited(ctx, "assignment.grant", target(username, project, roleName), () -> {
            access.platformAdmin(ctx);
            identity.grant(username, project, role(roleName));
        });
        ctx.status(201).json(new AssignmentView(username, project, role(roleName).wireName()));
    }

    private void revoke(Context ctx) {
        String username = ctx.pathParam("username");
        String project = ctx.pathParam("project");
        String roleName = ctx.pathParam("role");
        audit.audited(ctx, "assignment.revoke", target(username, project, roleName), () -> {
            access.platformAdmin(ctx);
            if (!identity.revoke(username, project, role(roleName))) {
                throw LakeException.of(ErrorCode.ASSIGNMENT_NOT_FOUND, "User %s does not hold the role %s in project %s", username, roleName, project);
            }
        });
        ctx.status(204);
    }

    private void purge(Context ctx) {
        int removed = audit.audited(ctx, "assignment.purge", "", () -> {
            access.platformAdmin(ctx);
            return identity.purgeOrphanAssignments();
        });
        ctx.json(Map.of("removed", removed));
    }

    private static ProjectRole role(String name) {
        try {
            return ProjectRole.fromWire(name);
        } catch (IllegalArgumentException e) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "Role '%s' is not one of reader, member, admin", name);
        }
    }

    private static String target(String username, String project, String role) {
        return username + "@" + project + ":" + role;
    }
}
