package org.zonelake.ingest.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import org.slf4j.MDC;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.core.identity.Principal;
import org.zonelake.core.identity.ProjectRole;

/**
 * Project authorization, decided on the server for every request. A user without a role in a project gets 403 for
 * it whether or not it exists (no probing for project names); a platform admin gets 404 for a missing project.
 */
public final class Access {
    private final IdentityProvider identity;

    public Access(IdentityProvider identity) {
        this.identity = requireNonNull(identity, "identity is null");
    }

    /** Returns the {@code {project}} path parameter after checking that the caller holds at least {@code role} in it. */
    public String project(Context ctx, ProjectRole role) {
        String project = ctx.pathParam("project");
        Principal principal = Authentication.principal(ctx);
        if (!principal.has(project, role)) {
            throw LakeException.of(ErrorCode.FORBIDDEN, "User %s needs the %s role in project %s for this", principal.username(), role.wireName(), project);
        }
        if (identity.findProject(project).isEmpty()) {
            throw LakeException.of(ErrorCode.PROJECT_NOT_FOUND, "Project %s does not exist", project);
        }
        MDC.put("project", project);
        return project;
    }

    /** Checks that the caller is a platform admin. */
    public Principal platformAdmin(Context ctx) {
        Principal principal = Authentication.principal(ctx);
        if (!principal.platformAdmin()) {
            throw LakeException.of(ErrorCode.FORBIDDEN, "User %s is not a platform admin", principal.username());
        }
        return principal;
    }
}
