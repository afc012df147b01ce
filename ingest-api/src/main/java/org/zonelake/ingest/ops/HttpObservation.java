package org.zonelake.ingest.ops;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.ingest.http.RequestIds;

/**
 * Runs once per finished request: one log line (method, path, status, duration, request id; never headers, which
 * carry tokens, nor the query string) and one sample of the {@code http.server.requests} timer, tagged with the
 * route template rather than the path so that the number of series stays bounded.
 */
public final class HttpObservation implements RequestLogger {
    public static final String TIMER = "http.server.requests";
    private static final Logger LOG = LoggerFactory.getLogger("org.zonelake.ingest.requests");
    /** Scraped every few seconds: logged at debug so that they do not drown the requests of users. */
    private static final Set<String> QUIET_PATHS = Set.of(HealthRoutes.PATH, MetricsRoutes.PATH);

    private final MeterRegistry registry;
    private final Function<Context, String> routeTemplate;

    /** {@code routeTemplate}: the matched route of a request (e.g. {@code /api/v1/projects/{project}}) or {@code unmatched}. */
    public HttpObservation(MeterRegistry registry, Function<Context, String> routeTemplate) {
        this.registry = requireNonNull(registry, "registry is null");
        this.routeTemplate = requireNonNull(routeTemplate, "routeTemplate is null");
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        String method = ctx.method().name();
        int status = ctx.statusCode();
        String route = routeTemplate.apply(ctx);
        long nanos = (long) (executionTimeMs * 1_000_000.0);
        Timer.builder(TIMER)
                .description("HTTP requests answered by the gateway")
                .tags("method", method, "uri", route, "status", Integer.toString(status), "outcome", outcome(status))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        String line = "http method={} path={} route={} status={} duration_ms={} request_id={}";
        Object[] values = {method, ctx.path(), route, status, String.format(java.util.Locale.ROOT, "%.1f", executionTimeMs), RequestIds.of(ctx)};
        if (QUIET_PATHS.contains(ctx.path())) {
            LOG.debug(line, values);
        } else {
            LOG.info(line, values);
        }
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "server_error";
        }
        if (status >= 400) {
            return "client_error";
        }
        return status >= 300 ? "redirection" : "success";
    }
}
