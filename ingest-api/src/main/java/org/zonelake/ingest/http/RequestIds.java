package org.zonelake.ingest.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it looks sane, else a new one. It goes back in
 * the response header, into problem documents and into the logs (MDC key {@code request_id}).
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "zonelake.request_id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {}

    public static void install(Javalin app) {
        app.before(ctx -> {
            String given = ctx.header(HEADER);
            String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
            MDC.put("request_id", id);
        });
        app.after(ctx -> MDC.clear());
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "" : id;
    }
}
