package org.zonelake.ingest.ops;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.zonelake.ingest.Routes;

/** {@code GET /api/openapi.json}: the merged OpenAPI document. Needs no token. */
public final class OpenApiRoutes implements Routes {
    public static final String PATH = "/api/openapi.json";

    private final OpenApiDocument document;

    public OpenApiRoutes(OpenApiDocument document) {
        this.document = requireNonNull(document, "document is null");
    }

    @Override
    public void register(Javalin app) {
        app.get(PATH, this::serve);
    }

    private void serve(Context ctx) {
        ctx.contentType("application/json").result(document.bytes());
    }
}
