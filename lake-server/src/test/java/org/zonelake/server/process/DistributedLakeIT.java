package org.zonelake.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.airflow.AirflowClient;
import org.zonelake.airflow.AirflowConfig;
import org.zonelake.airflow.ApiVersion;
import org.zonelake.airflow.DagRun;
import org.zonelake.airflow.DagRunState;
import org.zonelake.core.testing.ItEnvironment;
import org.zonelake.server.LakeProcess;

/**
 * The distributed lake end to end, on the real servers of {@code ./zonelake services start}: the packaged server with
 * its raw zone in Swift (Keystone auth), identity in Keystone, Swift events from the proxy filter, processing by
 * Airflow DAG runs that spark-submit the pipelines job to the standalone cluster, and the gold zones in PostgreSQL,
 * InfluxDB and Neo4j. The metadata zone is the lake's embedded MongoDB-wire server on a fixed port, which the jobs reach
 * over TCP (no MongoDB server can be installed here).
 */
class DistributedLakeIT {
    /** Where the Swift filter posts its events (services/swift.sh). */
    private static final int GATEWAY_PORT = 58180;
    private static final Duration CHAIN_TIMEOUT = Duration.ofMinutes(6);
    private static final int SEGMENT_BYTES = 1 << 20;
    private static final String HOW = "run ./zonelake services start and eval \"$(./zonelake services env)\"";

    @TempDir
    static Path work;

    private static LakeProcess lake;
    private static LakeClient admin;
    private static String project;
    private static LakeClient member;
    private static ProcessedData data;

    @BeforeAll
    static void startDistributedLake() throws Exception {
        int metadataPort = LakeProcess.freePort();
        Map<String, String> zones = zoneSettings(metadataPort);
        writeJobEnvironment(zones, metadataPort);
        Map<String, String> lakeEnvironment = new HashMap<>(zones);
        lakeEnvironment.putAll(gatewaySettings(metadataPort));
        lake = LakeProcess.start(work.resolve("data"), lakeEnvironment, GATEWAY_PORT).awaitHealthy(Duration.ofMinutes(3));

        // The platform admin is Keystone's admin on its admin project; a project and a member of it are made through the API.
        admin = LakeClient.login(lake.port, env("ZONELAKE_IT_KEYSTONE_ADMIN_USER"), env("ZONELAKE_IT_KEYSTONE_ADMIN_PASSWORD"));
        project = "chain" + Long.toString(System.currentTimeMillis(), 36);
        LakeClient.expect(201, admin.send("POST", "/api/v1/projects", Map.of("name", project)));
        String user = project + "-member";
        String password = "pw-" + Long.toHexString(new Random().nextLong());
        LakeClient.expect(201, admin.send("POST", "/api/v1/admin/users", Map.of("username", user, "password", password)));
        LakeClient.expect(201, admin.send("POST", "/api/v1/admin/users/" + user + "/assignments", Map.of("project", project, "role", "member")));
        member = LakeClient.login(lake.port, user, password);
        data = new ProcessedData(member, project);
    }

    @AfterAll
    static void stopLake() throws Exception {
        if (lake != null) {
            lake.close();
        }
    }

    @Test
    void uploadsThroughTheGatewayLandInSwiftAndAreProcessedByAirflowOnTheSparkCluster() throws Exception {
        byte[] large = randomBytes(5 * SEGMENT_BYTES + 12_345);
        long largeId = member.upload(project, "instrument.bin", large).path("id").asLong();
        long csvId = member.upload(project, "sensors.csv", TestFiles.resource("sensors.csv")).path("id").asLong();

        // In Swift: the large object as a Static Large Object over several segments, the CSV as a plain object.
        String container = "zonelake_" + project;
        assertThat(swift("list", container)).contains(Long.toString(largeId), Long.toString(csvId));
        assertThat(swift("stat", container, Long.toString(largeId))).containsIgnoringCase("X-Static-Large-Object: True");
        assertThat(swift("list", container + "_segments").lines().count()).isGreaterThanOrEqualTo(6);
        assertThat(member.bytes(LakeClient.projectPath(project) + "/objects/" + largeId + "/content")).isEqualTo(large);

        // The DAG run Airflow ran for the CSV, and the Spark application it submitted to the cluster.
        JsonNode run = member.awaitRun(project, csvId, CHAIN_TIMEOUT);
        assertThat(run.path("state").asText()).isEqualTo("succeeded");
        assertThat(run.path("pipeline").asText()).isEqualTo("sql-tabular");
        assertThat(awaitDagRun(csvId)).isEqualTo(DagRunState.SUCCESS);
        assertThat(finishedSparkApplications()).contains("zonelake-" + project + "-" + csvId);

        // The gold zone's rows and the lineage, through the API.
        String table = "sensors_csv_" + csvId;
        assertThat(data.tables()).containsExactly(table + " " + csvId);
        String csv = new String(TestFiles.resource("sensors.csv"), StandardCharsets.UTF_8);
        assertThat(data.tableCsv(table).lines().count()).isEqualTo(csv.lines().count());
        assertThat(data.lineageItems(csvId)).anyMatch(item -> item.contains(table));

        // A redo through the API is a new DAG run on the cluster, leaving the same table.
        JsonNode redone = member.redo(project, run.path("id").asText(), null, CHAIN_TIMEOUT);
        assertThat(redone.path("state").asText()).as("redone run %s", redone).isEqualTo("succeeded");
        assertThat(redone.path("attempts").asInt()).isEqualTo(run.path("attempts").asInt() + 1);
        assertThat(data.tableCsv(table).lines().count()).isEqualTo(csv.lines().count());

        // The binary has no pipeline: Airflow still ran, and the job recorded it as not handled.
        assertThat(member.awaitRun(project, largeId, CHAIN_TIMEOUT).path("state").asText()).isEqualTo("not_handled");
        assertThat(swiftEventCount()).as("events the Swift filter delivered").isGreaterThanOrEqualTo(2);
    }

    @Test
    void swiftUploadStraightIntoTheProjectContainerIsAdoptedAndProcessed() throws Exception {
        Path file = work.resolve("station-readings.json");
        Files.write(file, TestFiles.resource("sensors.json"));
        String container = "zonelake_" + project;
        swift("upload", "--object-name", "incoming/station-readings.json", container, file.toString());

        JsonNode adopted = LakeClient.await("the swift upload to be adopted", CHAIN_TIMEOUT, () -> objectNamed("station-readings.json"),
                found -> !found.isMissingNode());
        long id = adopted.path("id").asLong();
        assertThat(adopted.path("sha256").asText()).isEqualTo(sha256(TestFiles.resource("sensors.json")));
        assertThat(swift("list", container)).contains(Long.toString(id)).doesNotContain("incoming/station-readings.json");

        JsonNode run = member.awaitRun(project, id, CHAIN_TIMEOUT);
        assertThat(run.path("state").asText()).as("run %s", run).isEqualTo("succeeded");
        assertThat(awaitDagRun(id)).isEqualTo(DagRunState.SUCCESS);
        assertThat(data.measurements()).isNotEmpty();
        assertThat(data.lineageItems(id)).isNotEmpty();
    }

    private static JsonNode objectNamed(String name) {
        for (JsonNode object : member.json(LakeClient.projectPath(project) + "/objects?limit=100").path("items")) {
            if (object.path("original_object_name").asText().endsWith(name)) {
                return object;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The lake's settings for its zones, which the pipelines job reads too. */
    private static Map<String, String> zoneSettings(int metadataPort) {
        Map<String, String> env = new HashMap<>();
        env.put("ZONELAKE_RAW_BACKEND", "swift");
        env.put("ZONELAKE_RAW_SWIFT_AUTH", "keystone");
        env.put("ZONELAKE_RAW_SWIFT_AUTH_URL", env("ZONELAKE_IT_SWIFT_KEYSTONE_AUTH_URL"));
        env.put("ZONELAKE_RAW_SWIFT_USER", env("ZONELAKE_IT_SWIFT_KEYSTONE_USER"));
        env.put("ZONELAKE_RAW_SWIFT_PASSWORD", env("ZONELAKE_IT_SWIFT_KEYSTONE_PASSWORD"));
        env.put("ZONELAKE_RAW_SWIFT_PROJECT", env("ZONELAKE_IT_SWIFT_KEYSTONE_PROJECT"));
        env.put("ZONELAKE_RAW_SWIFT_DOMAIN", ItEnvironment.optional("ZONELAKE_IT_SWIFT_KEYSTONE_DOMAIN", "default"));
        env.put("ZONELAKE_RAW_SWIFT_SEGMENT_SIZE", Integer.toString(SEGMENT_BYTES));
        env.put("ZONELAKE_SQL_JDBC_URL", env("ZONELAKE_IT_POSTGRES_URL"));
        env.put("ZONELAKE_SQL_USER", env("ZONELAKE_IT_POSTGRES_USER"));
        env.put("ZONELAKE_SQL_PASSWORD", env("ZONELAKE_IT_POSTGRES_PASSWORD"));
        env.put("ZONELAKE_TIMESERIES_INFLUXDB_URL", env("ZONELAKE_IT_INFLUXDB_URL"));
        env.put("ZONELAKE_GRAPH_NEO4J_URL", env("ZONELAKE_IT_NEO4J_URL"));
        env.put("ZONELAKE_GRAPH_NEO4J_USER", env("ZONELAKE_IT_NEO4J_USER"));
        env.put("ZONELAKE_GRAPH_NEO4J_PASSWORD", env("ZONELAKE_IT_NEO4J_PASSWORD"));
        env.put("ZONELAKE_DATA_DIR", work.resolve("data").toString());
        return env;
    }

    /** What only the gateway needs: identity, Swift events, the Airflow trigger and its own metadata server. */
    private static Map<String, String> gatewaySettings(int metadataPort) {
        Map<String, String> env = new HashMap<>();
        env.put("ZONELAKE_METADATA_EMBEDDED_PORT", Integer.toString(metadataPort));
        env.put("ZONELAKE_IDENTITY_BACKEND", "keystone");
        env.put("ZONELAKE_IDENTITY_KEYSTONE_URL", env("ZONELAKE_IT_KEYSTONE_URL"));
        env.put("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_USER", env("ZONELAKE_IT_KEYSTONE_ADMIN_USER"));
        env.put("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_PASSWORD", env("ZONELAKE_IT_KEYSTONE_ADMIN_PASSWORD"));
        env.put("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_PROJECT", env("ZONELAKE_IT_KEYSTONE_ADMIN_PROJECT"));
        env.put("ZONELAKE_SWIFT_EVENTS_SECRET_FILE", env("ZONELAKE_IT_SWIFT_WEBHOOK_SECRET_FILE"));
        env.put("ZONELAKE_PIPELINES_TRIGGER", "airflow");
        env.put("ZONELAKE_AIRFLOW_URL", env("ZONELAKE_IT_AIRFLOW_URL"));
        env.put("ZONELAKE_AIRFLOW_USER", env("ZONELAKE_IT_AIRFLOW_USER"));
        env.put("ZONELAKE_AIRFLOW_PASSWORD", env("ZONELAKE_IT_AIRFLOW_PASSWORD"));
        env.put("ZONELAKE_AIRFLOW_API_VERSION", env("ZONELAKE_IT_AIRFLOW_API_VERSION"));
        env.put("ZONELAKE_AIRFLOW_POLL_INTERVAL", "1s");
        return env;
    }

    /** The settings the DAG's spark-submit tasks hand to the pipelines job: the zones, and the lake's metadata server. */
    private static void writeJobEnvironment(Map<String, String> zones, int metadataPort) throws IOException {
        Map<String, String> job = new HashMap<>(zones);
        job.put("ZONELAKE_METADATA_MONGODB_URL", "mongodb://127.0.0.1:" + metadataPort);
        Path file = Path.of(env("ZONELAKE_IT_AIRFLOW_JOB_ENV_FILE"));
        String lines = job.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, lines);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** The DAG run's final state: it ends a little after the job has settled the lake's runs and exited. */
    private static DagRunState awaitDagRun(long objectId) {
        return LakeClient.await("the DAG run of object " + objectId + " to end", CHAIN_TIMEOUT, () -> dagRun(objectId).state(),
                DagRunState::isFinal);
    }

    private static DagRun dagRun(long objectId) {
        AirflowClient airflow = new AirflowClient(AirflowConfig.of(env("ZONELAKE_IT_AIRFLOW_URL"), env("ZONELAKE_IT_AIRFLOW_USER"),
                env("ZONELAKE_IT_AIRFLOW_PASSWORD"), ApiVersion.parse(env("ZONELAKE_IT_AIRFLOW_API_VERSION"))));
        return airflow.findDagRun(AirflowConfig.DEFAULT_DAG_ID, "zonelake:" + project + ":" + objectId).orElseThrow();
    }

    /** Names of the applications the Spark master lists as finished. */
    private static List<String> finishedSparkApplications() throws Exception {
        JsonNode master = LakeClient.JSON.readTree(httpGet(ItEnvironment.optional("ZONELAKE_IT_SPARK_MASTER_UI", "http://127.0.0.1:58070") + "/json/"));
        List<String> names = new ArrayList<>();
        master.path("completedapps").forEach(app -> names.add(app.path("name").asText()));
        return names;
    }

    /** Deliveries of the Swift filter the receiver accepted or ignored, from the lake's /metrics. */
    private static long swiftEventCount() throws Exception {
        Matcher m = Pattern.compile("zonelake_swift_events_total\\{outcome=\"(accepted|ignored|duplicate)\",?\\} ([0-9.]+)")
                .matcher(httpGet("http://127.0.0.1:" + lake.port + "/metrics"));
        long total = 0;
        while (m.find()) {
            total += (long) Double.parseDouble(m.group(2));
        }
        return total;
    }

    private static String httpGet(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }

    /** Debian's swift command line client, signed in as the lake's Swift user through Keystone (password in the environment). */
    private static String swift(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("swift"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("OS_AUTH_URL", env("ZONELAKE_IT_SWIFT_KEYSTONE_AUTH_URL"), "OS_IDENTITY_API_VERSION", "3",
                "OS_USERNAME", env("ZONELAKE_IT_SWIFT_KEYSTONE_USER"), "OS_PASSWORD", env("ZONELAKE_IT_SWIFT_KEYSTONE_PASSWORD"),
                "OS_PROJECT_NAME", env("ZONELAKE_IT_SWIFT_KEYSTONE_PROJECT"),
                "OS_USER_DOMAIN_ID", ItEnvironment.optional("ZONELAKE_IT_SWIFT_KEYSTONE_DOMAIN", "default"),
                "OS_PROJECT_DOMAIN_ID", ItEnvironment.optional("ZONELAKE_IT_SWIFT_KEYSTONE_DOMAIN", "default")));
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor()).as("swift %s: %s", String.join(" ", arguments), output).isZero();
        return output;
    }

    private static String env(String variable) {
        return ItEnvironment.require(variable, HOW);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
