package org.zonelake.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Reads the small JSON bodies of control endpoints. Javalin's own size limit is lifted for streamed uploads, so this
 * caps what is buffered here.
 */
public final class JsonBodies {
    public static final int MAX_BYTES = 1 << 20;

    private JsonBodies() {}

    /** The body as {@code type}; {@code MALFORMED_JSON} for an empty, invalid or mistyped body, {@code INVALID_REQUEST} if too big. */
    public static <T> T read(Context ctx, ObjectMapper mapper, Class<T> type) {
        byte[] body = bytes(ctx);
        if (body.length == 0) {
            throw new LakeException(ErrorCode.MALFORMED_JSON, "This endpoint needs a JSON body");
        }
        return parse(body, mapper, type);
    }

    /** As {@link #read}, but a request without a body (or with only white space) gives {@code null}. */
    public static <T> T readOptional(Context ctx, ObjectMapper mapper, Class<T> type) {
        byte[] body = bytes(ctx);
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        return parse(body, mapper, type);
    }

    private static <T> T parse(byte[] body, ObjectMapper mapper, Class<T> type) {
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new LakeException(ErrorCode.MALFORMED_JSON, "This endpoint needs a JSON object, not null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new LakeException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a required body field; {@code INVALID_REQUEST} naming the field if it is missing. */
    public static <T> T required(T value, String field) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "The request body needs the field \"%s\"", field);
        }
        return value;
    }

    private static byte[] bytes(Context ctx) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw LakeException.of(ErrorCode.INVALID_REQUEST, "A JSON body may have at most %d bytes", MAX_BYTES);
            }
            return body;
        } catch (IOException e) {
            throw new LakeException(ErrorCode.CLIENT_DISCONNECTED, "Could not read the request body: " + e.getMessage(), e);
        }
    }
}
