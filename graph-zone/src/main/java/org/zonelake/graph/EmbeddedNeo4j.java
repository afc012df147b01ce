package org.zonelake.graph;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * The all-in-one graph zone: Neo4j Community running inside the lake's JVM, its files in one directory, with
 * only a Bolt connector on 127.0.0.1. The lake reaches it through the Bolt driver like any Neo4j server
 * ({@link #boltUrl()}), never through the embedded API. Authentication is off: only local processes can connect.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private static final Duration AVAILABLE_TIMEOUT = Duration.ofMinutes(2);
    private static final long PAGE_CACHE_BYTES = 512L * 1024 * 1024;

    private final DatabaseManagementService service;
    private final int port;

    private EmbeddedNeo4j(DatabaseManagementService service, int port) {
        this.service = requireNonNull(service, "service is null");
        this.port = port;
    }

    /** Starts Neo4j with its files under {@code directory} (created if missing); port 0 picks a free port. */
    public static EmbeddedNeo4j start(Path directory, int port) {
        requireNonNull(directory, "directory is null");
        long started = System.nanoTime();
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(directory.toAbsolutePath())
                .setConfig(settings(port))
                .build();
        try {
            awaitDefaultDatabase(service);
            EmbeddedNeo4j neo4j = new EmbeddedNeo4j(service, boltPort(service));
            LOG.info("Embedded Neo4j listening on {} with data in {}, started in {} ms", neo4j.boltUrl(), directory,
                    (System.nanoTime() - started) / 1_000_000);
            return neo4j;
        } catch (RuntimeException e) {
            service.shutdown();
            throw e;
        }
    }

    /**
     * Only what differs from Neo4j's defaults: Bolt on loopback, no HTTP (its Jetty is not on the class path),
     * no server-side routing, no usage reports, a page cache capped for a process that shares its memory with
     * Spark and the rest of the lake (by default Neo4j takes half of the free RAM; pages are allocated as used),
     * no 256 MiB pre-allocated transaction logs, and a quick shutdown. None of them changes the start-up time
     * measurably: that is class loading and JIT (see the README).
     */
    private static Map<Setting<?>, Object> settings(int port) {
        return Map.of(
                BoltConnector.enabled, true,
                BoltConnector.listen_address, new SocketAddress("127.0.0.1", port),
                HttpConnector.enabled, false,
                HttpsConnector.enabled, false,
                GraphDatabaseSettings.routing_enabled, false,
                GraphDatabaseSettings.udc_enabled, false,
                GraphDatabaseSettings.pagecache_memory, PAGE_CACHE_BYTES,
                GraphDatabaseSettings.preallocate_logical_logs, false,
                // Netty waits this many seconds for quiet on each of Bolt's two event loop groups: 10 s per shutdown.
                GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0,
                // The second, in-JVM Bolt connector serves Neo4j's own routing between databases; the lake only uses TCP.
                BoltConnectorInternalSettings.enable_local_connector, false);
    }

    private static void awaitDefaultDatabase(DatabaseManagementService service) {
        String name = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
        if (!service.database(name).isAvailable(AVAILABLE_TIMEOUT.toMillis())) {
            throw new LakeException(ErrorCode.GOLD_ZONE_UNAVAILABLE,
                    String.format("Cannot start the embedded Neo4j: database %s not available after %s", name, AVAILABLE_TIMEOUT));
        }
    }

    /** The port the Bolt connector actually bound, which differs from the configured one when that was 0. */
    private static int boltPort(DatabaseManagementService service) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        return system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
    }

    /** {@code bolt://127.0.0.1:<port>}: hand it to {@link Neo4jGraphStore#connect} without credentials. */
    public String boltUrl() {
        return "bolt://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        service.shutdown();
    }
}
