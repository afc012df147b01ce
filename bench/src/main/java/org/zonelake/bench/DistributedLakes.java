package org.zonelake.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.zonelake.raw.swift.SwiftConfig;

/**
 * The settings of the lakes the distributed benchmark starts, made from what {@code ./zonelake services env} prints, the
 * way {@code DistributedLakeIT} makes them: raw zone in Swift through the Keystone-auth proxy, identity in Keystone, gold
 * zones in PostgreSQL, InfluxDB and Neo4j, Swift events from the proxy filter (which posts to port 58180), and either the
 * local trigger or the Airflow trigger with the job environment file its DAG reads.
 */
final class DistributedLakes {
    /** Where the Swift proxy filter posts its events (services/swift.sh). */
    static final int GATEWAY_PORT = 58180;
    private static final String HOW = "run ./zonelake services start and eval \"$(./zonelake services env)\" first";

    private final Map<String, String> environment;

    DistributedLakes(Map<String, String> environment) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    /** The lake's Swift user, signed in through Keystone, with the segment size given. */
    SwiftConfig swift(long segmentBytes) {
        return SwiftConfig.keystone(it("SWIFT_KEYSTONE_AUTH_URL"), it("SWIFT_KEYSTONE_USER"), it("SWIFT_KEYSTONE_PASSWORD"),
                it("SWIFT_KEYSTONE_PROJECT"), environment.getOrDefault("ZONELAKE_IT_SWIFT_KEYSTONE_DOMAIN", "default"))
                .withSegmentBytes(segmentBytes);
    }

    String adminUser() {
        return it("KEYSTONE_ADMIN_USER");
    }

    String adminPassword() {
        return it("KEYSTONE_ADMIN_PASSWORD");
    }

    String airflowUrl() {
        return it("AIRFLOW_URL");
    }

    String airflowUser() {
        return it("AIRFLOW_USER");
    }

    String airflowPassword() {
        return it("AIRFLOW_PASSWORD");
    }

    String airflowApiVersion() {
        return it("AIRFLOW_API_VERSION");
    }

    String sparkMasterUi() {
        return environment.getOrDefault("ZONELAKE_IT_SPARK_MASTER_UI", "http://127.0.0.1:58070");
    }

    /** A lake that runs the pipelines itself (Spark in its JVM), with every other zone distributed. */
    Map<String, String> localTrigger(Path dataDir, long segmentBytes, long maxObjectBytes) {
        Map<String, String> lake = zones(dataDir, segmentBytes);
        lake.putAll(gateway(maxObjectBytes));
        lake.put("ZONELAKE_PIPELINES_TRIGGER", "local");
        return lake;
    }

    /** A lake whose pipelines run as Airflow DAG runs on the Spark cluster; the jobs reach its metadata server on the port given. */
    Map<String, String> airflowTrigger(Path dataDir, long segmentBytes, long maxObjectBytes, int metadataPort) {
        Map<String, String> lake = zones(dataDir, segmentBytes);
        lake.putAll(gateway(maxObjectBytes));
        lake.put("ZONELAKE_METADATA_EMBEDDED_PORT", Integer.toString(metadataPort));
        lake.put("ZONELAKE_PIPELINES_TRIGGER", "airflow");
        lake.put("ZONELAKE_AIRFLOW_URL", airflowUrl());
        lake.put("ZONELAKE_AIRFLOW_USER", airflowUser());
        lake.put("ZONELAKE_AIRFLOW_PASSWORD", airflowPassword());
        lake.put("ZONELAKE_AIRFLOW_API_VERSION", airflowApiVersion());
        lake.put("ZONELAKE_AIRFLOW_POLL_INTERVAL", "1s");
        return lake;
    }

    /**
     * Writes the settings the DAG's spark-submit tasks hand to the pipelines job (the zones, and the lake's metadata
     * server); closing the answer puts back what the file held before.
     */
    AutoCloseable writeJobEnvironment(Path dataDir, long segmentBytes, int metadataPort) throws IOException {
        Path file = Path.of(it("AIRFLOW_JOB_ENV_FILE"));
        String before = Files.exists(file) ? Files.readString(file) : null;
        Map<String, String> job = zones(dataDir, segmentBytes);
        job.put("ZONELAKE_METADATA_MONGODB_URL", "mongodb://127.0.0.1:" + metadataPort);
        writePrivate(file, job.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining("\n", "", "\n")));
        return () -> {
            if (before == null) {
                Files.deleteIfExists(file);
            } else {
                writePrivate(file, before);
            }
        };
    }

    private Map<String, String> zones(Path dataDir, long segmentBytes) {
        Map<String, String> zones = new HashMap<>();
        zones.put("ZONELAKE_RAW_BACKEND", "swift");
        zones.put("ZONELAKE_RAW_SWIFT_AUTH", "keystone");
        zones.put("ZONELAKE_RAW_SWIFT_AUTH_URL", it("SWIFT_KEYSTONE_AUTH_URL"));
        zones.put("ZONELAKE_RAW_SWIFT_USER", it("SWIFT_KEYSTONE_USER"));
        zones.put("ZONELAKE_RAW_SWIFT_PASSWORD", it("SWIFT_KEYSTONE_PASSWORD"));
        zones.put("ZONELAKE_RAW_SWIFT_PROJECT", it("SWIFT_KEYSTONE_PROJECT"));
        zones.put("ZONELAKE_RAW_SWIFT_DOMAIN", environment.getOrDefault("ZONELAKE_IT_SWIFT_KEYSTONE_DOMAIN", "default"));
        zones.put("ZONELAKE_RAW_SWIFT_SEGMENT_SIZE", Long.toString(segmentBytes));
        zones.put("ZONELAKE_SQL_JDBC_URL", it("POSTGRES_URL"));
        zones.put("ZONELAKE_SQL_USER", it("POSTGRES_USER"));
        zones.put("ZONELAKE_SQL_PASSWORD", it("POSTGRES_PASSWORD"));
        zones.put("ZONELAKE_TIMESERIES_INFLUXDB_URL", it("INFLUXDB_URL"));
        zones.put("ZONELAKE_GRAPH_NEO4J_URL", it("NEO4J_URL"));
        zones.put("ZONELAKE_GRAPH_NEO4J_USER", it("NEO4J_USER"));
        zones.put("ZONELAKE_GRAPH_NEO4J_PASSWORD", it("NEO4J_PASSWORD"));
        zones.put("ZONELAKE_DATA_DIR", dataDir.toString());
        return zones;
    }

    private Map<String, String> gateway(long maxObjectBytes) {
        Map<String, String> gateway = new HashMap<>();
        gateway.put("ZONELAKE_HTTP_PORT", Integer.toString(GATEWAY_PORT));
        gateway.put("ZONELAKE_LIMITS_MAX_OBJECT_BYTES", Long.toString(maxObjectBytes));
        gateway.put("ZONELAKE_IDENTITY_BACKEND", "keystone");
        gateway.put("ZONELAKE_IDENTITY_KEYSTONE_URL", it("KEYSTONE_URL"));
        gateway.put("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_USER", adminUser());
        gateway.put("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_PASSWORD", adminPassword());
        gateway.put("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_PROJECT", it("KEYSTONE_ADMIN_PROJECT"));
        gateway.put("ZONELAKE_SWIFT_EVENTS_SECRET_FILE", it("SWIFT_WEBHOOK_SECRET_FILE"));
        return gateway;
    }

    private String it(String name) {
        String value = environment.get("ZONELAKE_IT_" + name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("ZONELAKE_IT_" + name + " is not set: " + HOW);
        }
        return value;
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
