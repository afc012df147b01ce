package org.zonelake.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How endpoints answer: small JSON bodies, and streamed bodies that fail cleanly. */
public final class Answers {
    private static final Logger LOG = LoggerFactory.getLogger(Answers.class);

    private Answers() {}

    /** Writes a streamed body to the response; may throw anything, the caller sorts it out. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void json(Context ctx, ObjectMapper mapper, int status, Object value) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(value));
    }

    /**
     * Streams a 200 body. A failure before any byte left the server (the response is not committed yet) becomes a
     * problem answer like any other; a failure later cuts the connection, see {@link #abort}.
     *
     * @param contentDisposition the {@code Content-Disposition} header, or {@code null}
     */
    public static void stream(Context ctx, String contentType, String contentDisposition, BodyWriter writer) {
        ctx.status(200);
        ctx.res().setContentType(contentType);
        if (contentDisposition != null) {
            ctx.header("Content-Disposition", contentDisposition);
        }
        try {
            OutputStream out = ctx.res().getOutputStream();
            writer.writeTo(out);
            out.flush();
        } catch (IOException | RuntimeException e) {
            if (ctx.res().isCommitted()) {
                abort(ctx, e);
                return;
            }
            ctx.res().reset();
            ctx.header(RequestIds.HEADER, RequestIds.of(ctx));
            throw e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
        }
    }

    /**
     * Ends a response whose status and first bytes are already on the wire: nothing truthful can follow, so the
     * connection is cut and the client sees a broken transfer rather than a complete-looking one.
     */
    public static void abort(Context ctx, Exception cause) {
        if (cause instanceof EofException) {
            LOG.info("Client went away during {} {}: {}", ctx.method(), ctx.path(), cause.toString());
        } else {
            LOG.warn("Aborting {} {} after its answer had started", ctx.method(), ctx.path(), cause);
        }
        Request.getBaseRequest(ctx.req()).getHttpChannel().abort(cause);
    }
}
