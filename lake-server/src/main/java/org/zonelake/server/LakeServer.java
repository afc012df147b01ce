package org.zonelake.server;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.identity.MongoAuditLog;
import org.zonelake.ingest.Gateway;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.HealthCheck;
import org.zonelake.ingest.service.ContentTypeDetector;
import org.zonelake.ingest.service.IngestDerivedObjects;
import org.zonelake.ingest.service.IngestService;
import org.zonelake.ingest.service.Sweeper;
import org.zonelake.ingest.uploads.UploadRecovery;
import org.zonelake.metadata.MetadataStore;
import org.zonelake.metadata.MongoEventQueue;
import org.zonelake.metadata.MongoObjectRepository;
import org.zonelake.metadata.MongoProfileRepository;
import org.zonelake.metadata.MongoRouteRepository;
import org.zonelake.metadata.MongoRunRepository;
import org.zonelake.metadata.MongoTemplateRepository;
import org.zonelake.metadata.MongoUploadRepository;
import org.zonelake.raw.RawZone;
import org.zonelake.webhook.SwiftEventReceiver;

/**
 * The all-in-one lake: one JVM with the embedded defaults of every zone, wired by constructor. This is the
 * composition root that {@code ./zonelake up} runs.
 */
public final class LakeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LakeServer.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Gateway gateway;

    private LakeServer(LakeConfig config, Clock clock, PrintStream console) {
        Instant startedAt = clock.instant();
        createDirectories(config);
        MetadataZone metadata = keep(MetadataZone.open(config));
        MetadataStore store = metadata.store();

        IdentityZone identity = keep(IdentityZone.open(config.identity(), store, clock, console));

        MongoObjectRepository objects = new MongoObjectRepository(store);
        MongoUploadRepository uploads = new MongoUploadRepository(store);
        MongoTemplateRepository templates = new MongoTemplateRepository(store);
        ObjectStore objectStore = RawZone.open(config.raw(), config.rawZoneDir());
        if (objectStore instanceof AutoCloseable closeable) {
            keep(closeable);
        }
        ProcessZone process = keep(new ProcessZone(config, new ProcessZone.Repositories(new MongoEventQueue(store),
                new MongoRunRepository(store), new MongoRouteRepository(store), new MongoProfileRepository(store), objects, uploads,
                templates), clock));

        ContentTypeDetector detector = new ContentTypeDetector();
        IngestService ingest = new IngestService(objectStore, objects, templates, process.trigger(), store::makeDurable,
                detector, config.limits(), clock);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GatewayServices services = new GatewayServices(identity.provider(), new MongoAuditLog(store), objectStore, objects, templates,
                uploads, ingest, store::makeDurable, config.uploadStagingDir(), config.limits(),
                metrics, healthChecks(metadata, process), clock, process.gatewayServices());

        Housekeeping housekeeping = keep(new Housekeeping(new Sweeper(objects, ingest, clock),
                new UploadRecovery(services, config.uploads()), identity.tokenPurge(), config.housekeepingInterval(), clock));
        housekeeping.runAtStartUp(startedAt);
        keep(process.startProcessing(config, objectStore, new IngestDerivedObjects(ingest, objects, config.limits())));
        process.resumeProjects(identity.provider().listProjects());
        housekeeping.start();
        process.warmUp();

        Optional<SwiftEventReceiver> swiftEvents = SwiftEvents.receiver(config.swiftEvents(), objectStore, objects, process.trigger(), store,
                detector, clock);
        swiftEvents.ifPresent(receiver -> SwiftEvents.exportCounters(receiver, metrics));
        this.gateway = new Gateway(config.gateway(), services, swiftEvents);
        gateway.start();
        resources.push(gateway::stop);
        LOG.info("Zonelake is up at http://{}:{} with data in {}", config.gateway().host(), gateway.port(), config.dataDir());
    }

    private static List<HealthCheck> healthChecks(MetadataZone metadata, ProcessZone process) {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(metadata.healthCheck());
        checks.addAll(process.healthChecks());
        return checks;
    }

    /** Starts the lake; on failure, whatever had started is stopped again. */
    public static LakeServer start(LakeConfig config, Clock clock, PrintStream console) {
        return new LakeServer(requireNonNull(config, "config is null"), requireNonNull(clock, "clock is null"), console);
    }

    public int port() {
        return gateway.port();
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("Failure while stopping", e);
            }
        }
        LOG.info("Zonelake stopped");
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.push(resource);
        return resource;
    }

    private static void createDirectories(LakeConfig config) {
        try {
            Files.createDirectories(config.rawZoneDir());
            Files.createDirectories(config.uploadStagingDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + config.dataDir(), e);
        }
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        LakeConfig config = LakeConfig.from(ConfigSource.fromSystem());
        LakeServer server;
        try {
            server = start(config, Clock.systemUTC(), System.out);
        } catch (RuntimeException e) {
            LOG.error("Zonelake could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "zonelake-shutdown"));
    }

}
