package org.zonelake.ingest.objects;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.raw.ByteRange;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Problems;

/**
 * {@code GET} and {@code HEAD .../objects/{id}/content}: the bytes, with the hash as a strong entity tag, one byte
 * range per request (RFC 9110 §14), and conditional requests. Objects never change once stored, so the creation date
 * is the content's {@code Last-Modified}.
 */
final class ContentDownload {
    private final Access access;
    private final VisibleObjects objects;
    private final ObjectStore store;
    private final ObjectMapper mapper;

    ContentDownload(Access access, VisibleObjects objects, ObjectStore store, ObjectMapper mapper) {
        this.access = requireNonNull(access, "access is null");
        this.objects = requireNonNull(objects, "objects is null");
        this.store = requireNonNull(store, "store is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    void get(Context ctx) throws IOException {
        send(ctx, true);
    }

    void head(Context ctx) throws IOException {
        send(ctx, false);
    }

    private void send(Context ctx, boolean withBody) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        ObjectDocument document = objects.find(project, ctx.pathParam("id"));
        String etag = "\"" + document.sha256() + "\"";
        Instant lastModified = document.creationDate().truncatedTo(ChronoUnit.SECONDS);
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", Responses.httpDate(lastModified));
        ctx.header("Accept-Ranges", "bytes");
        if (notModified(ctx, etag, lastModified)) {
            ctx.status(304);
            return;
        }
        answer(ctx, document, rangeApplies(ctx, etag, lastModified) ? ctx.header("Range") : null, withBody);
    }

    private void answer(Context ctx, ObjectDocument document, String range, boolean withBody) throws IOException {
        ByteRangeHeader.Resolution resolution = ByteRangeHeader.resolve(range, document.size());
        switch (resolution.kind()) {
            case WHOLE -> body(ctx, document, ByteRange.whole(document.size()), false, withBody);
            case PARTIAL -> body(ctx, document, resolution.range(), true, withBody);
            case UNSATISFIABLE -> unsatisfiable(ctx, document);
        }
    }

    /** {@code If-None-Match} (weak comparison, RFC 9110 §13.1.2), else {@code If-Modified-Since}. */
    static boolean notModified(Context ctx, String etag, Instant lastModified) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.equals("*") || stripWeak(candidate).equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        Instant since = httpDate(ctx.header("If-Modified-Since"));
        return since != null && !lastModified.isAfter(since);
    }

    /** {@code If-Range}: the range is served only for the same representation (strong comparison or exact date). */
    static boolean rangeApplies(Context ctx, String etag, Instant lastModified) {
        String ifRange = ctx.header("If-Range");
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag);
        }
        Instant date = httpDate(value);
        return date != null && date.equals(lastModified);
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static Instant httpDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void body(Context ctx, ObjectDocument document, ByteRange range, boolean partial, boolean withBody) throws IOException {
        long length = range == null ? 0 : range.length();
        // Opened before any header is final: bytes missing from the raw zone are still a clean problem answer.
        try (InputStream in = withBody ? store.open(new ObjectKey(document.project(), document.storageName()), range) : null) {
            ctx.status(partial ? 206 : 200);
            if (partial) {
                ctx.header("Content-Range", ByteRangeHeader.contentRange(range, document.size()));
            }
            ctx.res().setContentType(document.contentType() == null ? "application/octet-stream" : document.contentType());
            ctx.res().setContentLengthLong(length);
            ctx.header("Content-Disposition", ContentDisposition.attachment(document.originalObjectName()));
            ctx.header("X-Content-Type-Options", "nosniff");
            if (in != null) {
                stream(ctx, in, length);
            }
        }
    }

    private static void stream(Context ctx, InputStream in, long length) {
        try {
            OutputStream out = ctx.res().getOutputStream();
            Responses.copy(in, out, length);
            out.flush();
        } catch (IOException | RuntimeException e) {
            Responses.abort(ctx, e);
        }
    }

    private void unsatisfiable(Context ctx, ObjectDocument document) {
        ctx.header("Content-Range", ByteRangeHeader.unsatisfiedRange(document.size()));
        Problems.write(ctx, mapper, LakeException.of(ErrorCode.RANGE_NOT_SATISFIABLE,
                "Range %s asks for no byte of object %d, which has %d bytes", ctx.header("Range"), document.id(), document.size()));
    }
}
