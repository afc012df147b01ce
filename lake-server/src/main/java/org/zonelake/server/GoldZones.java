package org.zonelake.server;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;
import org.zonelake.graph.EmbeddedNeo4j;
import org.zonelake.ingest.HealthCheck;
import org.zonelake.graph.Neo4jGraphStore;
import org.zonelake.sql.SqlZone;
import org.zonelake.timeseries.TimeSeriesZone;

/**
 * The processed zones, each the server its configuration names or its embedded default: H2 for tables, QuestDB
 * for time series (InfluxDB line protocol), Neo4j over Bolt for the graph. The embedded engines start in
 * parallel, since each takes seconds.
 */
final class GoldZones implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GoldZones.class);
    /** The project the health checks read (a valid name, usually without data). */
    private static final String HEALTH_PROBE_PROJECT = "zl-health-probe";

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    /** Embedded servers, stopped after the stores that talk to them. */
    private final List<AutoCloseable> engines = new CopyOnWriteArrayList<>();
    private final SqlStore sql;
    private final TimeSeriesStore timeSeries;
    private final GraphStore graph;

    private GoldZones(LakeConfig config) {
        long started = System.nanoTime();
        CompletableFuture<TimeSeriesStore> timeSeriesStarting = CompletableFuture.supplyAsync(() -> openTimeSeries(config));
        CompletableFuture<GraphStore> graphStarting = CompletableFuture.supplyAsync(() -> openGraph(config));
        try {
            SqlZone sqlZone = keep(SqlZone.open(config.sql(), config.dataDir()));
            this.sql = sqlZone.store();
            this.timeSeries = keep(join(timeSeriesStarting));
            this.graph = keep(join(graphStarting));
        } catch (RuntimeException | Error e) {
            timeSeriesStarting.thenAccept(GoldZones::closeQuietly);
            graphStarting.thenAccept(GoldZones::closeQuietly);
            close();
            throw e;
        }
        LOG.info("Gold zones ready in {} ms: tables in {}, time series in {}, graph in {}", (System.nanoTime() - started) / 1_000_000,
                config.sql().embedded() ? "embedded H2" : "PostgreSQL", config.timeSeries().embedded() ? "embedded QuestDB" : "InfluxDB",
                config.graph().embedded() ? "embedded Neo4j" : "Neo4j at " + config.graph().neo4jUrl());
    }

    static GoldZones open(LakeConfig config) {
        return new GoldZones(requireNonNull(config, "config is null"));
    }

    SqlStore sql() {
        return sql;
    }

    TimeSeriesStore timeSeries() {
        return timeSeries;
    }

    GraphStore graph() {
        return graph;
    }

    /**
     * One check per zone for {@code GET /health}: a small read that reaches the server; what it finds does not matter.
     */
    List<HealthCheck> healthChecks() {
        return List.of(
                check("sql-zone", () -> sql.tables(HEALTH_PROBE_PROJECT)),
                check("timeseries-zone", () -> timeSeries.measurements(HEALTH_PROBE_PROJECT)),
                check("graph-zone", () -> graph.derivedFrom(HEALTH_PROBE_PROJECT, 1)));
    }

    private static HealthCheck check(String name, Runnable probe) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isUp() {
                try {
                    probe.run();
                    return true;
                } catch (RuntimeException e) {
                    LOG.warn("Health check of the {} failed", name, e);
                    return false;
                }
            }
        };
    }

    private static TimeSeriesStore openTimeSeries(LakeConfig config) {
        return TimeSeriesZone.open(config.timeSeries(), config.dataDir().resolve("timeseries"));
    }

    private GraphStore openGraph(LakeConfig config) {
        if (!config.graph().embedded()) {
            return Neo4jGraphStore.connect(config.graph().neo4jUrl(), config.graph().user(), config.graph().password());
        }
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(config.dataDir().resolve("graph"), 0);
        engines.add(neo4j);
        return Neo4jGraphStore.connect(neo4j.boltUrl(), config.graph().user(), config.graph().password());
    }

    private static <T> T join(CompletableFuture<T> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.push(resource);
        return resource;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("Failure while stopping {}", resource, e);
        }
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            closeQuietly(resources.pop());
        }
        engines.forEach(GoldZones::closeQuietly);
        engines.clear();
    }
}
