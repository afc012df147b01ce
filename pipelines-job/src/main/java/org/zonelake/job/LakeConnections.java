package org.zonelake.job;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.process.DerivedObjects;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.graph.GraphConfig;
import org.zonelake.graph.Neo4jGraphStore;
import org.zonelake.ingest.service.ContentTypeDetector;
import org.zonelake.ingest.service.IngestDerivedObjects;
import org.zonelake.ingest.service.IngestService;
import org.zonelake.metadata.MetadataStore;
import org.zonelake.metadata.MongoEventQueue;
import org.zonelake.metadata.MongoObjectRepository;
import org.zonelake.metadata.MongoProfileRepository;
import org.zonelake.metadata.MongoRouteRepository;
import org.zonelake.metadata.MongoRunRepository;
import org.zonelake.metadata.MongoTemplateRepository;
import org.zonelake.metadata.MongoUploadRepository;
import org.zonelake.pipelines.Pipeline;
import org.zonelake.pipelines.PipelineRegistry;
import org.zonelake.pipelines.archive.ArchivePipeline;
import org.zonelake.pipelines.graph.GraphJsonPipeline;
import org.zonelake.pipelines.image.GraphImagePipeline;
import org.zonelake.pipelines.local.LocalPipelineTrigger;
import org.zonelake.pipelines.local.RunnerServices;
import org.zonelake.pipelines.routing.JsonShapes;
import org.zonelake.pipelines.routing.Router;
import org.zonelake.pipelines.spark.LakeSpark;
import org.zonelake.pipelines.sqldump.SqlDumpPipeline;
import org.zonelake.pipelines.tabular.SqlTabularPipeline;
import org.zonelake.pipelines.timeseries.TimeSeriesCsvPipeline;
import org.zonelake.pipelines.timeseries.TimeSeriesJsonPipeline;
import org.zonelake.raw.RawZone;
import org.zonelake.raw.RawZoneConfig;
import org.zonelake.sql.SqlZone;
import org.zonelake.sql.SqlZoneConfig;
import org.zonelake.timeseries.InfluxDbTimeSeriesStore;
import org.zonelake.timeseries.TimeSeriesConfig;

/**
 * The job's composition root: the lake's zones reached by URL (metadata MongoDB, raw zone, PostgreSQL, InfluxDB,
 * Neo4j), the pipelines on the session spark-submit configured, and what the runner needs. Entries of an archive
 * are stored as objects of their own and their events queued in the metadata zone, where the lake's trigger picks
 * them up as it does uploads.
 */
final class LakeConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LakeConnections.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final SqlStore sql;
    private final TimeSeriesStore timeSeries;
    private final GraphStore graph;
    private final RunnerServices services;

    private LakeConnections(JobConfig config, LakeSpark spark, Clock clock) {
        try {
            MetadataStore store = keep(MetadataStore.on(config.metadata().mongodbUrl(), config.metadata().database()));
            this.sql = sqlStore(config);
            this.timeSeries = keep(timeSeriesStore(config.timeSeries()));
            this.graph = keep(graphStore(config.graph()));
            this.services = runnerServices(config, store, spark, clock);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        LOG.info("Connected: {}, raw zone {}, {}, {}, {}", config.metadata(), config.raw().backend(), config.sql(), config.timeSeries(),
                config.graph());
    }

    private RunnerServices runnerServices(JobConfig config, MetadataStore store, LakeSpark spark, Clock clock) {
        var events = new MongoEventQueue(store);
        var objects = new MongoObjectRepository(store);
        var templates = new MongoTemplateRepository(store);
        ObjectStore objectStore = rawZone(config);
        DerivedObjects derived = derivedObjects(config, store, events, objects, templates, objectStore, clock);
        List<Pipeline> pipelines = List.of(
                new TimeSeriesJsonPipeline(spark, templates, timeSeries),
                new TimeSeriesCsvPipeline(spark, templates, timeSeries),
                new SqlTabularPipeline(spark, sql, new MongoProfileRepository(store), templates, config.tabular(), clock),
                new SqlDumpPipeline(sql),
                new GraphJsonPipeline(graph, config.graphJson()),
                new GraphImagePipeline(graph),
                new ArchivePipeline(derived, objects, config.archives()));
        return new RunnerServices(events, new MongoRunRepository(store), objects, new MongoUploadRepository(store), objectStore,
                new PipelineRegistry(pipelines), new Router(new MongoRouteRepository(store), templates, new JsonShapes(objectStore)),
                spark::cancel, config.workDir(), clock);
    }

    /** Connects to every zone (the servers are first reached when used); on failure, what was opened is closed again. */
    static LakeConnections open(JobConfig config, LakeSpark spark, Clock clock) {
        requireNonNull(config, "config is null");
        requireNonNull(spark, "spark is null");
        requireNonNull(clock, "clock is null");
        return new LakeConnections(config, spark, clock);
    }

    RunnerServices runnerServices() {
        return services;
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

    private ObjectStore rawZone(JobConfig config) {
        ObjectStore store = RawZone.open(config.raw(), config.rawZoneDir());
        if (store instanceof AutoCloseable closeable) {
            keep(closeable);
        }
        if (config.raw().backend() == RawZoneConfig.Backend.LOCAL) {
            // Opening the local store sweeps its temporary files as after a crash: safe only while no lake writes there.
            LOG.warn("The raw zone is the local directory {}: run jobs only where no lake writes to it at the same time, "
                    + "or use ZONELAKE_RAW_BACKEND=swift", config.rawZoneDir());
        }
        return store;
    }

    private SqlStore sqlStore(JobConfig config) {
        if (config.sql().embedded()) {
            return GoldStores.unconfigured(SqlStore.class, "SQL gold zone", ConfigSource.environmentName(SqlZoneConfig.JDBC_URL));
        }
        // The pool connects on demand, so a server that is down fails the writes, not the start.
        return keep(SqlZone.open(config.sql(), config.dataDir())).store();
    }

    private static TimeSeriesStore timeSeriesStore(TimeSeriesConfig timeSeries) {
        if (timeSeries.embedded()) {
            return GoldStores.unconfigured(TimeSeriesStore.class, "time-series gold zone",
                    ConfigSource.environmentName(TimeSeriesConfig.INFLUXDB_URL));
        }
        return new InfluxDbTimeSeriesStore(timeSeries);
    }

    private static GraphStore graphStore(GraphConfig graph) {
        if (graph.embedded()) {
            return GoldStores.unconfigured(GraphStore.class, "graph gold zone", ConfigSource.environmentName(GraphConfig.NEO4J_URL));
        }
        // Connecting checks the server and its schema: only when a graph pipeline writes.
        return GoldStores.connectingOnFirstUse(GraphStore.class, () -> Neo4jGraphStore.connect(graph.neo4jUrl(), graph.user(), graph.password()));
    }

    private static DerivedObjects derivedObjects(JobConfig config, MetadataStore store, EventQueue events, ObjectRepository objects,
                                                 TemplateRepository templates, ObjectStore objectStore, Clock clock) {
        var trigger = new LocalPipelineTrigger(events, () -> { }, clock);
        var ingest = new IngestService(objectStore, objects, templates, trigger, store::makeDurable, new ContentTypeDetector(),
                config.limits(), clock);
        return new IngestDerivedObjects(ingest, objects, config.limits());
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("Failure while closing a connection", e);
            }
        }
    }
}
