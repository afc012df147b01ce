package org.zonelake.ingest.templates;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.AuditEntry;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.ItemsPage;
import org.zonelake.ingest.JsonBodies;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Authentication;
import org.zonelake.ingest.http.RequestIds;

/**
 * Endpoints under /api/v1/projects/{project}/templates. Readers see templates; project admins manage them. A template
 * that is not editable can still be hidden or shown: visibility is the one thing a {@code PUT} may change on it.
 */
public final class TemplateRoutes implements Routes {
    static final String TEMPLATES = "/api/v1/projects/{project}/templates";

    private final GatewayServices services;
    private final Access access;
    private final ObjectMapper mapper;
    private final TemplateRepository templates;

    public TemplateRoutes(GatewayServices services, Access access, ObjectMapper mapper) {
        this.services = requireNonNull(services, "services is null");
        this.access = requireNonNull(access, "access is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.templates = services.templates();
    }

    @Override
    public void register(Javalin app) {
        app.get(TEMPLATES, this::list);
        app.post(TEMPLATES, this::create);
        app.get(TEMPLATES + "/{name}", this::get);
        app.put(TEMPLATES + "/{name}", this::replace);
        app.delete(TEMPLATES + "/{name}", this::delete);
    }

    private void list(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        boolean includeHidden = includeHidden(ctx.queryParam("include_hidden"));
        List<TemplateView> items = templates.list(project).stream()
                .filter(template -> includeHidden || template.visible())
                .map(TemplateView::of)
                .toList();
        // Templates are few: the list is one page.
        json(ctx, 200, ItemsPage.of(items));
    }

    private static boolean includeHidden(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new LakeException(ErrorCode.INVALID_REQUEST, "Query parameter include_hidden must be true or false, was '" + value + "'",
                Map.of("parameter", "include_hidden"), null);
    }

    private void get(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        json(ctx, 200, TemplateView.of(existing(project, ctx.pathParam("name"))));
    }

    private void create(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.ADMIN);
        TemplateBody body = body(ctx);
        if (body.name() == null) {
            throw new LakeException(ErrorCode.INVALID_TEMPLATE, "The template needs a name");
        }
        Instant now = now();
        MetadataTemplate template = body.toTemplate(project, body.name(), TemplateBody.Flags.CREATION, now, now);
        templates.create(template);
        audit(ctx, "template.create", template);
        ctx.header("Location", "/api/v1/projects/" + project + "/templates/" + template.name());
        json(ctx, 201, TemplateView.of(template));
    }

    private void replace(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.ADMIN);
        MetadataTemplate current = existing(project, ctx.pathParam("name"));
        TemplateBody body = body(ctx);
        if (body.name() != null && !body.name().equals(current.name())) {
            throw LakeException.of(ErrorCode.INVALID_TEMPLATE, "The body names template %s but the path names %s; templates cannot be renamed",
                    body.name(), current.name());
        }
        MetadataTemplate replacement = body.toTemplate(project, current.name(), TemplateBody.Flags.of(current), current.createdAt(), now());
        if (!current.editable() && !sameButVisibility(current, replacement)) {
            throw LakeException.of(ErrorCode.TEMPLATE_NOT_EDITABLE, "Template %s of project %s is not editable; only its visibility may change",
                    current.name(), project);
        }
        templates.replace(replacement);
        audit(ctx, "template.replace", replacement);
        json(ctx, 200, TemplateView.of(replacement));
    }

    /** Milliseconds, as the metadata zone keeps them: the answer shows what a later read shows. */
    private Instant now() {
        return services.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static boolean sameButVisibility(MetadataTemplate a, MetadataTemplate b) {
        return a.label().equals(b.label()) && a.description().equals(b.description())
                && a.acceptedMimeTypes().equals(b.acceptedMimeTypes()) && a.fields().equals(b.fields())
                && a.editable() == b.editable() && a.deletable() == b.deletable() && a.processing().equals(b.processing());
    }

    private void delete(Context ctx) {
        String project = access.project(ctx, ProjectRole.ADMIN);
        MetadataTemplate current = existing(project, ctx.pathParam("name"));
        if (!current.deletable()) {
            throw LakeException.of(ErrorCode.TEMPLATE_NOT_DELETABLE, "Template %s of project %s is not deletable", current.name(), project);
        }
        if (!templates.delete(project, current.name())) {
            throw notFound(project, current.name());
        }
        audit(ctx, "template.delete", current);
        ctx.status(204);
    }

    private MetadataTemplate existing(String project, String name) {
        return templates.find(project, name).orElseThrow(() -> notFound(project, name));
    }

    private static LakeException notFound(String project, String name) {
        return LakeException.of(ErrorCode.TEMPLATE_NOT_FOUND, "Template %s does not exist in project %s", name, project);
    }

    private TemplateBody body(Context ctx) {
        return JsonBodies.read(ctx, mapper, TemplateBody.class);
    }

    private void audit(Context ctx, String action, MetadataTemplate template) {
        services.audit().append(new AuditEntry(services.clock().instant(), Authentication.principal(ctx).username(), action,
                template.project() + "/" + template.name(), "success", RequestIds.of(ctx), ""));
    }

    private void json(Context ctx, int status, Object value) throws IOException {
        ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(value));
    }
}
