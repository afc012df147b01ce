package org.zonelake.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** Turns every failure into an {@code application/problem+json} answer. */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    public static void install(Javalin app, ObjectMapper mapper) {
        app.exception(LakeException.class, (e, ctx) -> write(ctx, mapper, e));
        app.exception(JsonProcessingException.class, (e, ctx) -> write(ctx, mapper,
                new LakeException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage(), e)));
        app.exception(IllegalArgumentException.class, (e, ctx) -> write(ctx, mapper,
                new LakeException(ErrorCode.INVALID_REQUEST, e.getMessage(), e)));
        app.exception(EofException.class, (e, ctx) -> LOG.info("Client went away: {}", e.toString()));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, mapper, fromJavalin(e)));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure of {} {}", ctx.method(), ctx.path(), e);
            write(ctx, mapper, new LakeException(ErrorCode.INTERNAL, "Something went wrong on the server; the request id identifies it in the logs", e));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, mapper, LakeException.of(ErrorCode.ROUTE_NOT_FOUND, "No endpoint %s %s", ctx.method(), ctx.path()));
            }
        });
        app.error(405, ctx -> write(ctx, mapper, LakeException.of(ErrorCode.INVALID_REQUEST, "Method %s is not allowed on %s", ctx.method(), ctx.path())));
    }

    public static void write(Context ctx, ObjectMapper mapper, LakeException e) {
        int status = HttpStatusTable.statusOf(e.code());
        if (status >= 500) {
            LOG.warn("{} {} failed with {}: {}", ctx.method(), ctx.path(), e.code().wireName(), e.getMessage(), e);
        }
        Problem problem = new Problem("urn:zonelake:problem:" + e.code().wireName(), title(e.code()), status, e.getMessage(),
                e.code().wireName(), RequestIds.of(ctx), ctx.path(), e.details());
        ctx.status(status);
        try {
            ctx.contentType(Problem.CONTENT_TYPE).result(mapper.writeValueAsBytes(problem));
        } catch (JsonProcessingException serialisation) {
            ctx.contentType(Problem.CONTENT_TYPE).result("{\"code\":\"internal\",\"status\":500}");
        }
    }

    private static LakeException fromJavalin(HttpResponseException e) {
        ErrorCode code = switch (e.getStatus()) {
            case 401 -> ErrorCode.NOT_AUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.ROUTE_NOT_FOUND;
            case 413 -> ErrorCode.OBJECT_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> e.getStatus() >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_REQUEST;
        };
        return new LakeException(code, e.getMessage(), Map.of(), e);
    }

    private static String title(ErrorCode code) {
        String words = code.wireName().replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
