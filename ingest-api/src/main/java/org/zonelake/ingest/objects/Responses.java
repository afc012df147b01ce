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
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small pieces of the object endpoints' answers. */
final class Responses {
    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);
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

    /**
     * Ends a response whose status and first bytes are already on the wire: nothing truthful can follow, so the
     * connection is cut and the client sees a broken transfer rather than a complete-looking one.
     */
    static void abort(Context ctx, Exception cause) {
        if (cause instanceof EofException) {
            LOG.info("Client went away during {} {}: {}", ctx.method(), ctx.path(), cause.toString());
        } else {
            LOG.warn("Aborting {} {} after its answer had started", ctx.method(), ctx.path(), cause);
        }
        Request.getBaseRequest(ctx.req()).getHttpChannel().abort(cause);
    }
}
