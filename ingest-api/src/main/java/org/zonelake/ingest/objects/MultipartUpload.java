package org.zonelake.ingest.objects;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.config.LimitsConfig;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Authentication;
import org.zonelake.ingest.service.IngestService;
import org.zonelake.ingest.service.StoreRequest;

/**
 * {@code POST .../objects}: one object in one multipart/form-data request, streamed part by part with
 * {@link MultipartFormReader}. An optional {@code metadata} part (JSON) comes first, then the {@code file} part, whose
 * bytes go straight to the ingest service: nothing is spooled, so the name, template and metadata are checked before
 * the first byte of the file is read.
 */
final class MultipartUpload {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartUpload.class);
    static final String METADATA_PART = "metadata";
    static final String FILE_PART = "file";
    /** Room for part headers, boundaries and the metadata part when judging a declared body length. */
    private static final long BODY_OVERHEAD = 1L << 20;
    /** Part headers carry the file name: 255 characters of up to 4 UTF-8 bytes, maybe percent-encoded, fit well. */
    private static final int MAX_PART_HEADER_BYTES = 16 * 1024;

    private final IngestService ingest;
    private final Access access;
    private final ObjectMapper mapper;
    private final LimitsConfig limits;
    private final SingleRequestUploads uploads;

    MultipartUpload(GatewayServices services, Access access, ObjectMapper mapper) {
        this.ingest = services.ingest();
        this.access = requireNonNull(access, "access is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.limits = services.limits();
        this.uploads = new SingleRequestUploads(services.uploads(), services.clock());
    }

    void handle(Context ctx) {
        String project = access.project(ctx, ProjectRole.MEMBER);
        String boundary = requireFormData(ctx);
        requirePlausibleLength(ctx);
        try {
            MultipartFormReader parts = new MultipartFormReader(ctx.req().getInputStream(), boundary, MAX_PART_HEADER_BYTES);
            UploadMetadata metadata = null;
            MultipartFormReader.Part part;
            while ((part = parts.next()) != null) {
                if (FILE_PART.equals(part.name())) {
                    store(ctx, project, metadata == null ? UploadMetadata.NONE : metadata, part, parts);
                    return;
                }
                metadata = metadataPart(part, metadata);
            }
        } catch (IOException e) {
            throw fromRequestStream(e);
        }
        throw new LakeException(ErrorCode.INVALID_REQUEST, "The multipart body has no 'file' part");
    }

    /** Returns the boundary of a multipart/form-data body; 415 for another type, 400 for a missing boundary. */
    private static String requireFormData(Context ctx) {
        String type = ctx.req().getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw LakeException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the object as multipart/form-data with a 'file' part (and an optional 'metadata' part before it), not %s", type);
        }
        String boundary = MultipartFormReader.boundaryOf(type);
        if (boundary == null) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, "The multipart/form-data content type needs a valid boundary parameter");
        }
        return boundary;
    }

    /** A body announced as larger than any object the lake accepts is refused before a byte is read. */
    private void requirePlausibleLength(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limits.maxObjectBytes() + limits.maxMetadataBytes() + BODY_OVERHEAD) {
            throw LakeException.of(ErrorCode.OBJECT_TOO_LARGE, "The request body of %d bytes is larger than the object limit of %d bytes",
                    declared, limits.maxObjectBytes());
        }
    }

    private UploadMetadata metadataPart(MultipartFormReader.Part part, UploadMetadata seen) throws IOException {
        if (!METADATA_PART.equals(part.name())) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "Unexpected part '%s': the body holds an optional 'metadata' part and a 'file' part",
                    part.name());
        }
        if (seen != null) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, "The multipart body has two 'metadata' parts");
        }
        return readMetadata(part.content());
    }

    private UploadMetadata readMetadata(InputStream in) throws IOException {
        byte[] json = in.readNBytes(limits.maxMetadataBytes() + 1);
        if (json.length > limits.maxMetadataBytes()) {
            throw LakeException.of(ErrorCode.METADATA_TOO_LARGE, "The metadata part is larger than %d bytes", limits.maxMetadataBytes());
        }
        try {
            UploadMetadata metadata = mapper.readValue(json, UploadMetadata.class);
            return metadata == null ? UploadMetadata.NONE : metadata;
        } catch (JsonProcessingException e) {
            throw new LakeException(ErrorCode.MALFORMED_JSON, "The metadata part is not valid JSON for an upload: " + e.getOriginalMessage(), e);
        }
    }

    private void store(Context ctx, String project, UploadMetadata metadata, MultipartFormReader.Part part, MultipartFormReader parts)
            throws IOException {
        StoreRequest request = new StoreRequest(project, Authentication.principal(ctx).username(), fileName(part), metadata.template(),
                metadata.values(), metadata.dataProcessing(), metadata.application(), metadata.description());
        String uploadId = uploads.start(request);
        FilePartStream content = new FilePartStream(part.content(), () -> requireNoMoreParts(parts));
        ObjectDocument stored;
        try {
            // Recorded before the process zone hears of the object, so that its state updates find the record.
            stored = ingest.store(request, content, object -> uploads.stored(project, uploadId, object));
        } catch (RuntimeException e) {
            RuntimeException failure = e instanceof UncheckedIOException io ? fromRequestStream(io.getCause()) : e;
            uploads.failed(project, uploadId, content.count(), failure.getMessage());
            throw failure;
        }
        created(ctx, stored);
    }

    /** The client's file name; the ingest service refuses a missing one with {@code invalid_name}. */
    private static String fileName(MultipartFormReader.Part part) {
        String name = part.fileName() == null ? "" : part.fileName();
        if (name.indexOf('\0') >= 0) {
            throw new LakeException(ErrorCode.INVALID_NAME, "The file name contains a NUL character");
        }
        return name;
    }

    private static void requireNoMoreParts(MultipartFormReader parts) throws IOException {
        MultipartFormReader.Part next = parts.next();
        if (next != null) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST,
                    "Part '%s' comes after the 'file' part: the 'metadata' part must come before the 'file' part, and only one file is accepted",
                    next.name());
        }
    }

    private void created(Context ctx, ObjectDocument stored) throws IOException {
        ctx.status(201);
        ctx.header("Location", "/api/v1/projects/" + URLEncoder.encode(stored.project(), StandardCharsets.UTF_8) + "/objects/" + stored.id());
        ctx.contentType("application/json").result(mapper.writeValueAsBytes(ObjectView.of(stored)));
    }

    /** A failure of the request body itself: it broke off (the client went away) or is not well-formed multipart. */
    static LakeException fromRequestStream(IOException e) {
        if (e instanceof MultipartFormReader.MalformedMultipartException) {
            return new LakeException(ErrorCode.INVALID_REQUEST, "The multipart body is malformed: " + e.getMessage(), e);
        }
        LOG.info("The request body broke off: {}", e.toString());
        return new LakeException(ErrorCode.CLIENT_DISCONNECTED, "The request body broke off: " + e.getMessage(), e);
    }
}
