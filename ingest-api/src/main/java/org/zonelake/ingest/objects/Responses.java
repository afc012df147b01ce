package org.zonelake.ingest.objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.zonelake.ingest.http.Answers;

/** Small pieces of the object endpoints' answers. */
final class Responses {
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Responses() {}

    static void json(Context ctx, ObjectMapper mapper, int status, Object value) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(value));
    }

    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /** Copies exactly what the stream holds with one buffer sized for the transfer (large ones get 256 KiB). */
    static void copy(InputStream in, OutputStream out, long expected) throws IOException {
        byte[] buffer = new byte[(int) Math.max(8192, Math.min(expected, 256 * 1024))];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
    }

    /** See {@link Answers#abort}. */
    static void abort(Context ctx, Exception cause) {
        Answers.abort(ctx, cause);
    }
}
