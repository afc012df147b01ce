package org.zonelake.ingest;

/** One component the gateway needs, asked by {@code GET /health}. */
public interface HealthCheck {
    String name();

    /** True if the component answers; must return within a second or two. */
    boolean isUp();
}
