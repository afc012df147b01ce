package org.zonelake.ingest.ops;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.ingest.HealthCheck;
import org.zonelake.ingest.Routes;

/** {@code GET /health}: 200 when every component is up, else 503, with each component's status. Needs no token. */
public final class HealthRoutes implements Routes {
    public static final String PATH = "/health";
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final List<HealthCheck> checks;

    public HealthRoutes(List<HealthCheck> checks) {
        this.checks = List.copyOf(requireNonNull(checks, "checks is null"));
    }

    @Override
    public void register(Javalin app) {
        app.get(PATH, this::health);
    }

    private void health(Context ctx) {
        Map<String, Map<String, String>> components = new LinkedHashMap<>();
        boolean allUp = true;
        for (HealthCheck check : checks) {
            boolean up = isUp(check);
            allUp &= up;
            components.put(check.name(), Map.of("status", up ? "up" : "down"));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.status(allUp ? 200 : 503).json(new HealthReport(allUp ? "up" : "down", components));
    }

    /** The answer: overall status first, then each component's. */
    record HealthReport(String status, Map<String, Map<String, String>> components) {}

    private static boolean isUp(HealthCheck check) {
        try {
            return check.isUp();
        } catch (RuntimeException e) {
            LOG.warn("Health check {} failed", check.name(), e);
            return false;
        }
    }
}
