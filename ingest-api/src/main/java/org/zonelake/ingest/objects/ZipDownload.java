package org.zonelake.ingest.objects;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.ingest.JsonBodies;
import org.zonelake.ingest.http.Access;

/**
 * {@code POST .../objects/archive} ({@code {"ids": [...]}}) and {@code GET .../objects/archive?ids=1,2,3}: several
 * objects as one zip, written entry by entry straight to the response. Every id is checked before the first byte,
 * so a wrong id is a clean 404; entries are named by {@link ZipEntryNames}.
 */
final class ZipDownload {
    static final int MAX_IDS = 1000;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Access access;
    private final VisibleObjects objects;
    private final ObjectStore store;
    private final ObjectMapper mapper;

    ZipDownload(Access access, VisibleObjects objects, ObjectStore store, ObjectMapper mapper) {
        this.access = requireNonNull(access, "access is null");
        this.objects = requireNonNull(objects, "objects is null");
        this.store = requireNonNull(store, "store is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    /** The body of {@code POST .../objects/archive}. */
    record ArchiveRequest(List<Long> ids) {}

    void post(Context ctx) {
        String project = access.project(ctx, ProjectRole.READER);
        ArchiveRequest request = JsonBodies.read(ctx, mapper, ArchiveRequest.class);
        send(ctx, project, request.ids() == null ? List.of() : request.ids());
    }

    void get(Context ctx) {
        String project = access.project(ctx, ProjectRole.READER);
        send(ctx, project, idsParameter(ctx.queryParams("ids")));
    }

    /** {@code ids=1,2,3}, or the parameter repeated. */
    static List<Long> idsParameter(List<String> values) {
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    ids.add(VisibleObjects.parseId(id.strip()).orElseThrow(() -> new LakeException(ErrorCode.INVALID_REQUEST,
                            "Query parameter ids must be object ids separated by commas, found '" + id.strip() + "'",
                            Map.of("parameter", "ids"), null)));
                }
            }
        }
        return ids;
    }

    private void send(Context ctx, String project, List<Long> ids) {
        List<ObjectDocument> documents = resolve(project, ids);
        ctx.status(200);
        ctx.res().setContentType("application/zip");
        ctx.header("Content-Disposition", ContentDisposition.attachment(project + "-objects.zip"));
        try {
            write(ctx, documents);
        } catch (IOException | RuntimeException e) {
            Responses.abort(ctx, e);
        }
    }

    /** The documents of the ids in order, each once; 400 for none or too many, 404 naming every unknown id. */
    private List<ObjectDocument> resolve(String project, List<Long> ids) {
        Set<Long> unique = new LinkedHashSet<>(ids);
        unique.remove(null);
        if (unique.isEmpty() || unique.size() > MAX_IDS) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "An archive holds 1 to %d objects; %d ids were given", MAX_IDS, unique.size());
        }
        List<ObjectDocument> documents = new ArrayList<>(unique.size());
        List<Long> missing = new ArrayList<>();
        for (long id : unique) {
            try {
                documents.add(objects.find(project, id));
            } catch (LakeException e) {
                if (e.code() != ErrorCode.OBJECT_NOT_FOUND) {
                    throw e;
                }
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw new LakeException(ErrorCode.OBJECT_NOT_FOUND, "No object " + missing + " in project " + project,
                    Map.of("missing_ids", missing), null);
        }
        return documents;
    }

    /** Not closed on failure: closing would finish the archive and make a broken download look complete. */
    private void write(Context ctx, List<ObjectDocument> documents) throws IOException {
        ZipEntryNames names = new ZipEntryNames();
        byte[] buffer = new byte[BUFFER_BYTES];
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(ctx.res().getOutputStream(), BUFFER_BYTES), StandardCharsets.UTF_8);
        // Speed over ratio: many objects (images, archives) are compressed already.
        zip.setLevel(Deflater.BEST_SPEED);
        for (ObjectDocument document : documents) {
            ZipEntry entry = new ZipEntry(names.next(document.originalObjectName()));
            entry.setLastModifiedTime(FileTime.from(document.creationDate()));
            zip.putNextEntry(entry);
            copy(document, zip, buffer);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private void copy(ObjectDocument document, ZipOutputStream zip, byte[] buffer) throws IOException {
        try (InputStream in = store.open(new ObjectKey(document.project(), document.storageName()))) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                zip.write(buffer, 0, n);
            }
        }
    }
}
