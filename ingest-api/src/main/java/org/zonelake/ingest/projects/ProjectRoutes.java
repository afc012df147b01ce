package org.zonelake.ingest.projects;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.core.identity.Principal;
import org.zonelake.core.identity.Project;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.ingest.ItemsPage;
import org.zonelake.ingest.JsonBodies;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.admin.AuditTrail;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Authentication;

/** The caller's projects, and project creation by platform admins, under /api/v1/projects. */
public final class ProjectRoutes implements Routes {
    private final IdentityProvider identity;
    private final Access access;
    private final AuditTrail audit;
    private final ObjectMapper mapper;

    public ProjectRoutes(IdentityProvider identity, Access access, AuditTrail audit, ObjectMapper mapper) {
        this.identity = requireNonNull(identity, "identity is null");
        this.access = requireNonNull(access, "access is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/v1/projects", this::list);
        app.post("/api/v1/projects", this::create);
        app.get("/api/v1/projects/{project}", this::get);
    }

    private void list(Context ctx) {
        Principal caller = Authentication.principal(ctx);
        List<ProjectView> projects = identity.listProjects().stream()
                .filter(project -> caller.platformAdmin() || caller.roleIn(project.name()).isPresent())
                .map(project -> ProjectView.of(project, caller))
                .toList();
        ctx.json(ItemsPage.of(projects));
    }

    private void create(Context ctx) {
        Principal caller = access.platformAdmin(ctx);
        NewProjectRequest request = JsonBodies.read(ctx, mapper, NewProjectRequest.class);
        String name = JsonBodies.required(request.name(), "name");
        Project project = audit.audited(ctx, "project.create", name, () -> {
            if (!Project.isValidName(name)) {
                throw LakeException.of(ErrorCode.INVALID_NAME,
                        "Project name '%s' must be 1 to 63 lower-case letters, digits, _ or -, starting with a letter or digit", name);
            }
            return identity.createProject(name, request.description());
        });
        ctx.status(201).json(ProjectView.of(project, caller));
    }

    private void get(Context ctx) {
        String name = access.project(ctx, ProjectRole.READER);
        Project project = identity.findProject(name)
                .orElseThrow(() -> LakeException.of(ErrorCode.PROJECT_NOT_FOUND, "Project %s does not exist", name));
        ctx.json(ProjectView.of(project, Authentication.principal(ctx)));
    }
}
