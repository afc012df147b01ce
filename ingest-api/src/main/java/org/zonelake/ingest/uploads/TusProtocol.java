package org.zonelake.ingest.uploads;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** Headers and rules of the tus 1.0.0 resumable-upload protocol (https://tus.io/protocols/resumable-upload). */
final class TusProtocol {
    static final String VERSION = "1.0.0";
    static final String EXTENSIONS = "creation,termination";
    static final String OFFSET_CONTENT_TYPE = "application/offset+octet-stream";

    static final String TUS_RESUMABLE = "Tus-Resumable";
    static final String TUS_VERSION = "Tus-Version";
    static final String TUS_EXTENSION = "Tus-Extension";
    static final String TUS_MAX_SIZE = "Tus-Max-Size";
    static final String UPLOAD_LENGTH = "Upload-Length";
    static final String UPLOAD_OFFSET = "Upload-Offset";
    static final String UPLOAD_METADATA = "Upload-Metadata";
    static final String UPLOAD_DEFER_LENGTH = "Upload-Defer-Length";
    static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";
    static final String OBJECT_ID = "X-Object-Id";

    private static final Pattern NON_NEGATIVE = Pattern.compile("[0-9]{1,18}");

    private TusProtocol() {}

    /** Every tus request but OPTIONS names the protocol version; a client speaking another one gets 412. */
    static void requireVersion(Context ctx) {
        String version = ctx.header(TUS_RESUMABLE);
        if (!VERSION.equals(version == null ? null : version.trim())) {
            ctx.header(TUS_VERSION, VERSION);
            throw new LakeException(ErrorCode.TUS_VERSION_UNSUPPORTED, "This server speaks tus " + VERSION
                    + (version == null ? "; send the header Tus-Resumable: " + VERSION : ", not " + version),
                    Map.of("tus_version", VERSION), null);
        }
    }

    /** The declared total length of a new upload. */
    static long uploadLength(Context ctx) {
        if (ctx.header(UPLOAD_LENGTH) == null && ctx.header(UPLOAD_DEFER_LENGTH) != null) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, "Uploads of unknown length are not supported: send Upload-Length");
        }
        return nonNegative(ctx, UPLOAD_LENGTH);
    }

    static long uploadOffset(Context ctx) {
        return nonNegative(ctx, UPLOAD_OFFSET);
    }

    /** PATCH bodies are raw bytes with the tus media type; anything else is refused before a byte is read. */
    static void requireOffsetContentType(Context ctx) {
        String contentType = ctx.header("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(OFFSET_CONTENT_TYPE)) {
            throw LakeException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "A PATCH of an upload needs Content-Type: %s, not %s",
                    OFFSET_CONTENT_TYPE, contentType == null ? "none" : contentType);
        }
    }

    private static long nonNegative(Context ctx, String header) {
        String value = ctx.header(header);
        if (value == null) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "The header %s is required", header);
        }
        if (!NON_NEGATIVE.matcher(value.trim()).matches()) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "The header %s must be a non-negative integer, was '%s'", header, value);
        }
        return Long.parseLong(value.trim());
    }
}
