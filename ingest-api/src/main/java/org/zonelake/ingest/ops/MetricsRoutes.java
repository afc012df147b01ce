package org.zonelake.ingest.ops;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.zonelake.ingest.Routes;

/**
 * {@code GET /metrics} in the Prometheus text format. Public, as scrapers usually call it without credentials: the
 * gateway binds to 127.0.0.1 by default, so exposing it further is an operator's choice.
 */
public final class MetricsRoutes implements Routes {
    public static final String PATH = "/metrics";
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    public void register(Javalin app) {
        app.get(PATH, this::scrape);
    }

    private void scrape(Context ctx) {
        ctx.contentType(CONTENT_TYPE).result(registry.scrape());
    }
}
