package org.zonelake.ingest.uploads;

import static java.util.Objects.requireNonNull;
import static org.zonelake.ingest.uploads.TusProtocol.OBJECT_ID;
import static org.zonelake.ingest.uploads.TusProtocol.TUS_RESUMABLE;
import static org.zonelake.ingest.uploads.TusProtocol.UPLOAD_LENGTH;
import static org.zonelake.ingest.uploads.TusProtocol.UPLOAD_METADATA;
import static org.zonelake.ingest.uploads.TusProtocol.UPLOAD_OFFSET;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.MDC;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.ItemsPage;
import org.zonelake.ingest.QueryParams;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Authentication;
import org.zonelake.ingest.service.StoreRequest;

/**
 * Endpoints under /api/v1/projects/{project}/uploads: the tus 1.0.0 resumable-upload protocol (core, creation and
 * termination) and the upload tracking list. Members of a project share its uploads: any member may resume or cancel
 * an upload another member started, as any member may delete the project's objects.
 */
public final class UploadRoutes implements Routes {
    static final String COLLECTION = "/api/v1/projects/{project}/uploads";
    static final String MEMBER = COLLECTION + "/{id}";
    private static final int MAX_ID_LENGTH = 128;

    private final GatewayServices services;
    private final Access access;
    private final ObjectMapper mapper;
    private final ResumableUploads uploads;
    private final CreationMetadata creationMetadata;

    public UploadRoutes(GatewayServices services, Access access, ObjectMapper mapper) {
        this.services = requireNonNull(services, "services is null");
        this.access = requireNonNull(access, "access is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.uploads = new ResumableUploads(services);
        this.creationMetadata = new CreationMetadata(mapper, services.limits().maxMetadataBytes());
    }

    @Override
    public void register(Javalin app) {
        app.options(COLLECTION, this::describe);
        app.options(MEMBER, this::describe);
        app.post(COLLECTION, this::create);
        app.head(MEMBER, this::offset);
        app.patch(MEMBER, this::append);
        app.delete(MEMBER, this::terminate);
        app.post(MEMBER, this::overridden);
        app.get(COLLECTION, this::list);
        app.get(MEMBER, this::show);
        // After-handlers run after failures too, so problem answers carry the header as well.
        app.after(COLLECTION, ctx -> ctx.header(TUS_RESUMABLE, TusProtocol.VERSION));
        app.after(MEMBER, ctx -> ctx.header(TUS_RESUMABLE, TusProtocol.VERSION));
    }

    /** tus discovery; needs no token (it is also the CORS preflight) and tells nothing about the project. */
    private void describe(Context ctx) {
        ctx.status(204)
                .header(TusProtocol.TUS_VERSION, TusProtocol.VERSION)
                .header(TusProtocol.TUS_EXTENSION, TusProtocol.EXTENSIONS)
                .header(TusProtocol.TUS_MAX_SIZE, Long.toString(services.limits().maxObjectBytes()));
    }

    private void create(Context ctx) {
        TusProtocol.requireVersion(ctx);
        String project = access.project(ctx, ProjectRole.MEMBER);
        long length = TusProtocol.uploadLength(ctx);
        if (length > services.limits().maxObjectBytes()) {
            throw LakeException.of(ErrorCode.OBJECT_TOO_LARGE, "The upload has %d bytes; objects may have at most %d",
                    length, services.limits().maxObjectBytes());
        }
        String header = ctx.header(UPLOAD_METADATA);
        StoreRequest request = creationMetadata.request(project, Authentication.principal(ctx).username(), UploadMetadataHeader.parse(header));
        Progress progress = uploads.create(new NewUpload(request, length, header));
        MDC.put("upload_id", progress.id());
        ctx.status(201).header("Location", locationOf(ctx, progress.id()));
        progressHeaders(ctx, progress);
    }

    /** The absolute URL of the new upload, from the URL the client used (tus clients also accept relative ones). */
    private static String locationOf(Context ctx, String id) {
        String collection = ctx.url();
        return (collection.endsWith("/") ? collection : collection + "/") + id;
    }

    private void offset(Context ctx) {
        TusProtocol.requireVersion(ctx);
        UploadRecord upload = memberUpload(ctx);
        if (upload.state() == UploadState.FAILED) {
            throw LakeException.of(ErrorCode.UPLOAD_NOT_RECEIVING, "Upload %s failed: %s", upload.id(), upload.failureReason());
        }
        ctx.status(200)
                .header("Cache-Control", "no-store")
                .header(UPLOAD_OFFSET, Long.toString(upload.bytesReceived()))
                .header(UPLOAD_LENGTH, Long.toString(upload.length()));
        if (upload.state() == UploadState.RECEIVING) {
            uploads.uploadMetadata(upload.id()).ifPresent(metadata -> ctx.header(UPLOAD_METADATA, metadata));
        } else if (upload.objectId() != null) {
            ctx.header(OBJECT_ID, upload.objectId().toString());
        }
    }

    private void append(Context ctx) {
        TusProtocol.requireVersion(ctx);
        String project = access.project(ctx, ProjectRole.MEMBER);
        TusProtocol.requireOffsetContentType(ctx);
        long offset = TusProtocol.uploadOffset(ctx);
        String id = ctx.pathParam("id");
        MDC.put("upload_id", id);
        Progress progress = uploads.append(project, id, offset, ctx.req().getContentLengthLong(), ctx.bodyInputStream());
        ctx.status(204);
        progressHeaders(ctx, progress);
    }

    private static void progressHeaders(Context ctx, Progress progress) {
        ctx.header(UPLOAD_OFFSET, Long.toString(progress.offset()));
        if (progress.objectId() != null) {
            ctx.header(OBJECT_ID, progress.objectId().toString());
        }
    }

    private void terminate(Context ctx) {
        TusProtocol.requireVersion(ctx);
        String project = access.project(ctx, ProjectRole.MEMBER);
        uploads.cancel(project, ctx.pathParam("id"));
        ctx.status(204);
    }

    /** Clients that cannot send PATCH or DELETE (Java's HttpURLConnection) POST with X-HTTP-Method-Override. */
    private void overridden(Context ctx) {
        String method = ctx.header(TusProtocol.METHOD_OVERRIDE);
        switch (method == null ? "" : method.trim().toUpperCase(Locale.ROOT)) {
            case "PATCH" -> append(ctx);
            case "DELETE" -> terminate(ctx);
            default -> throw new LakeException(ErrorCode.INVALID_REQUEST,
                    "POST on an upload needs X-HTTP-Method-Override: PATCH or DELETE; create uploads with POST on the collection");
        }
    }

    private UploadRecord memberUpload(Context ctx) {
        String project = access.project(ctx, ProjectRole.MEMBER);
        String id = ctx.pathParam("id");
        MDC.put("upload_id", id);
        return uploads.find(project, id);
    }

    private void list(Context ctx) throws JsonProcessingException {
        String project = access.project(ctx, ProjectRole.READER);
        Page<UploadRecord> page = services.uploads().list(project, QueryParams.limit(ctx), QueryParams.cursor(ctx));
        json(ctx, new ItemsPage<>(page.items().stream().map(UploadView::of).toList(), page.nextCursor()));
    }

    /** One upload of any kind; single-request uploads have ids of their own form, so any id is looked up. */
    private void show(Context ctx) throws JsonProcessingException {
        String project = access.project(ctx, ProjectRole.READER);
        String id = ctx.pathParam("id");
        UploadRecord upload = (id.length() <= MAX_ID_LENGTH ? services.uploads().find(project, id) : Optional.<UploadRecord>empty())
                .orElseThrow(() -> LakeException.of(ErrorCode.UPLOAD_NOT_FOUND, "No upload %s in project %s", id, project));
        json(ctx, UploadView.of(upload));
    }

    private void json(Context ctx, Object body) throws JsonProcessingException {
        ctx.contentType("application/json").result(mapper.writeValueAsBytes(body));
    }
}
