package org.zonelake.ingest.objects;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import org.zonelake.core.identity.AuditEntry;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.CatalogQuery;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.ItemsPage;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Authentication;
import org.zonelake.ingest.http.RequestIds;

/** Endpoints under /api/v1/projects/{project}/objects. */
public final class ObjectRoutes implements Routes {
    static final String OBJECTS = "/api/v1/projects/{project}/objects";

    private final GatewayServices services;
    private final Access access;
    private final ObjectMapper mapper;
    private final VisibleObjects visible;
    private final MultipartUpload upload;
    private final ContentDownload content;
    private final ZipDownload archive;

    public ObjectRoutes(GatewayServices services, Access access, ObjectMapper mapper) {
        this.services = requireNonNull(services, "services is null");
        this.access = requireNonNull(access, "access is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.visible = new VisibleObjects(services.objects());
        this.upload = new MultipartUpload(services, access, mapper);
        this.content = new ContentDownload(access, visible, services.objectStore(), mapper);
        this.archive = new ZipDownload(access, visible, services.objectStore(), mapper);
    }

    @Override
    public void register(Javalin app) {
        app.post(OBJECTS, upload::handle);
        app.get(OBJECTS, this::catalog);
        // Before "{id}", which would otherwise take "archive" for an id.
        app.get(OBJECTS + "/archive", archive::get);
        app.post(OBJECTS + "/archive", archive::post);
        app.get(OBJECTS + "/{id}", this::document);
        app.delete(OBJECTS + "/{id}", this::delete);
        app.get(OBJECTS + "/{id}/content", content::get);
        app.head(OBJECTS + "/{id}/content", content::head);
    }

    private void catalog(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        CatalogQuery query = CatalogParameters.parse(project, ctx.queryParamMap());
        Page<ObjectDocument> page = services.objects().search(query);
        Responses.json(ctx, mapper, 200, new ItemsPage<>(page.items().stream().map(ObjectView::of).toList(), page.nextCursor()));
    }

    private void document(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        Responses.json(ctx, mapper, 200, ObjectView.of(visible.find(project, ctx.pathParam("id"))));
    }

    private void delete(Context ctx) {
        String project = access.project(ctx, ProjectRole.MEMBER);
        ObjectDocument document = visible.find(project, ctx.pathParam("id"));
        services.ingest().delete(project, document.id());
        services.audit().append(new AuditEntry(services.clock().instant(), Authentication.principal(ctx).username(), "object.delete",
                project + "/" + document.id(), "success", RequestIds.of(ctx), document.originalObjectName()));
        ctx.status(204);
    }
}
