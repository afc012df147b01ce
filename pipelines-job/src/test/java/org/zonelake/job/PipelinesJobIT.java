package org.zonelake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.TableInfo;
import org.zonelake.core.gold.timeseries.Measurement;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunState;
import org.zonelake.core.testing.ItEnvironment;
import org.zonelake.metadata.EmbeddedMongoServer;
import org.zonelake.metadata.MetadataStore;
import org.zonelake.pipelines.local.LocalPipelineRunner;
import org.zonelake.pipelines.local.LocalPipelineTrigger;
import org.zonelake.pipelines.spark.LakeSpark;

/**
 * The same objects processed twice into two projects: once by the lake's own runner (Spark {@code local[2]} in this
 * JVM), once by {@code spark-submit} of the shaded job jar to the standalone cluster of {@code services/spark.sh}
 * (client mode, executors on its two workers). Both write to the real gold zones of {@code services/postgresql.sh}
 * and {@code services/influxdb.sh} (and {@code services/neo4j.sh} when its variables are set); the tables, rows and
 * points must come out the same. Metadata lives in an embedded MongoDB-wire server this test starts on 127.0.0.1,
 * which the submitted job reaches by URL.
 */
class PipelinesJobIT {
    private static final String HOW_TO_SET = "run services/{postgresql,influxdb,spark}.sh start and eval their env";
    private static final Duration RUNS_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(5);
    /** spark-submit's output of every submission, kept for reading after the test. */
    private static final Path LOGS = Path.of(System.getProperty("zonelake.job.logs", "target/spark-submit-logs"));

    @TempDir
    static Path dataDir;

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String LOCAL = "it-local-" + SUFFIX;
    private static final String CLUSTER = "it-cluster-" + SUFFIX;

    private static EmbeddedMongoServer metadataServer;
    private static MetadataStore store;
    private static TestLake lake;
    private static Map<String, String> environment;
    private static SparkCluster cluster;
    private static boolean withGraph;
    private static final Map<String, List<ObjectStoredEvent>> OBJECTS = new HashMap<>();
    private static final List<SparkCluster.Submission> SUBMISSIONS = new ArrayList<>();
    private static LakeConnections gold;

    @BeforeAll
    static void processTheObjectsLocallyAndOnTheCluster() throws Exception {
        environment = goldZoneEnvironment();
        cluster = new SparkCluster(ItEnvironment.require("ZONELAKE_IT_SPARK_SUBMIT", HOW_TO_SET),
                ItEnvironment.require("ZONELAKE_IT_SPARK_MASTER", HOW_TO_SET),
                ItEnvironment.optional("ZONELAKE_IT_SPARK_MASTER_UI", "http://127.0.0.1:58070"),
                Path.of(System.getProperty("zonelake.job.jar", "target/zonelake-pipelines-job.jar")));
        metadataServer = EmbeddedMongoServer.startInMemory();
        environment.put("ZONELAKE_METADATA_MONGODB_URL", metadataServer.connectionString());
        environment.put("ZONELAKE_METADATA_DATABASE", "it_" + SUFFIX);
        environment.put("ZONELAKE_DATA_DIR", dataDir.toString());
        store = MetadataStore.on(metadataServer, "it_" + SUFFIX);
        lake = new TestLake(store, dataDir);
        for (String project : List.of(LOCAL, CLUSTER)) {
            OBJECTS.put(project, storeObjects(project));
        }

        long started = System.nanoTime();
        processLocally(OBJECTS.get(LOCAL));
        long local = System.nanoTime();
        for (ObjectStoredEvent event : OBJECTS.get(CLUSTER)) {
            SUBMISSIONS.add(cluster.submit(event.project(), event.objectId(), environment, LOGS, SUBMIT_TIMEOUT));
        }
        long submitted = System.nanoTime();
        System.out.printf("PipelinesJobIT: %d objects per project; local runner %d ms, %d spark-submits %d ms%n", OBJECTS.get(LOCAL).size(),
                (local - started) / 1_000_000, SUBMISSIONS.size(), (submitted - local) / 1_000_000);
        gold = LakeConnections.open(JobConfig.from(ConfigSource.of(environment)), LakeSpark.local(1), Clock.systemUTC());
    }

    @AfterAll
    static void closeAll() {
        if (gold != null) {
            gold.close();
        }
        if (store != null) {
            store.close();
        }
        if (metadataServer != null) {
            metadataServer.close();
        }
    }

    @Test
    void everySubmissionExitsWithZeroAndEveryRunSucceedsOnBothSides() {
        assertThat(SUBMISSIONS).extracting(SparkCluster.Submission::exitCode).containsOnly(0);
        for (String project : List.of(LOCAL, CLUSTER)) {
            for (ObjectStoredEvent event : OBJECTS.get(project)) {
                PipelineRun run = lake.run(event, pipelineOf(event));
                assertThat(run.state()).as(run.id() + " of " + project + ": " + run.reason()).isEqualTo(RunState.SUCCEEDED);
                assertThat(run.worker()).startsWith(project.equals(LOCAL) ? "local-" : "job-");
            }
        }
    }

    @Test
    void theSparkPipelinesRanTheirTasksOnTheWorkersExecutors() throws Exception {
        // The table and time-series pipelines work on Spark; graph-json parses in the driver and starts no application.
        List<SparkCluster.Submission> onSpark = SUBMISSIONS.stream().filter(submission -> submission.objectId() <= 2).toList();
        assertThat(onSpark).hasSize(2).allSatisfy(submission -> assertThat(submission.applicationId()).isNotEmpty());
        for (SparkCluster.Submission submission : onSpark) {
            assertThat(cluster.completedApplication(submission.applicationId())).as(submission.applicationId())
                    .containsEntry("state", "FINISHED");
            List<String> workers = cluster.workersThatRanExecutorsOf(submission.applicationId());
            assertThat(workers).as("workers with executors of " + submission.applicationId()).isNotEmpty();
            System.out.printf("PipelinesJobIT: %s (object %d) had executors on workers %s%n", submission.applicationId(),
                    submission.objectId(), workers);
            assertThat(submission.log()).as("tasks finished on an executor, not in the driver")
                    .containsPattern("Finished task .* on 127\\.0\\.0\\.1 \\(executor \\d+\\)");
        }
    }

    @Test
    void bothSidesHoldTheSameTablesAndRows() {
        SqlStore sql = gold.sql();
        List<TableInfo> local = sql.tables(LOCAL);
        List<TableInfo> remote = sql.tables(CLUSTER);

        assertThat(local).extracting(TableInfo::name).contains("orders_csv_1", "orders_csv_1_quarantine");
        assertThat(remote).isEqualTo(local);
        for (TableInfo table : local) {
            assertThat(rows(sql, CLUSTER, table.name())).as(table.name()).isEqualTo(rows(sql, LOCAL, table.name())).isNotEmpty();
        }
    }

    @Test
    void bothSidesHoldTheSamePoints() {
        TimeSeriesStore timeSeries = gold.timeSeries();
        List<Measurement> local = timeSeries.measurements(LOCAL);

        assertThat(local).isNotEmpty();
        assertThat(timeSeries.measurements(CLUSTER)).isEqualTo(local);
        for (Measurement measurement : local) {
            assertThat(points(timeSeries, CLUSTER, measurement.name())).as(measurement.name())
                    .isEqualTo(points(timeSeries, LOCAL, measurement.name())).isNotEmpty();
        }
    }

    @Test
    void bothSidesHoldTheSameGraph() {
        org.junit.jupiter.api.Assumptions.assumeTrue(withGraph, "ZONELAKE_IT_NEO4J_URL is not set: run services/neo4j.sh start and eval its env");
        GraphStore graph = gold.graph();
        long objectId = OBJECTS.get(LOCAL).stream().filter(event -> event.storageName().equals("3")).findFirst().orElseThrow().objectId();

        List<String> local = describe(graph, LOCAL, objectId);

        assertThat(local).anyMatch(line -> line.contains("Ada Lovelace"));
        assertThat(describe(graph, CLUSTER, objectId)).isEqualTo(local);
    }

    @Test
    void submittingTheJobAgainLeavesTheSameGoldState() throws Exception {
        SqlStore sql = gold.sql();
        ObjectStoredEvent table = OBJECTS.get(CLUSTER).get(0);
        List<String> before = rows(sql, CLUSTER, "orders_csv_1");
        PipelineRun settled = lake.run(table, PipelineNames.SQL_TABULAR);

        SparkCluster.Submission again = cluster.submit(CLUSTER, table.objectId(), environment, LOGS, SUBMIT_TIMEOUT);

        assertThat(again.exitCode()).isZero();
        assertThat(rows(sql, CLUSTER, "orders_csv_1")).isEqualTo(before);
        assertThat(lake.run(table, PipelineNames.SQL_TABULAR)).isEqualTo(settled);
    }

    private static Map<String, String> goldZoneEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ZONELAKE_SQL_JDBC_URL", ItEnvironment.require("ZONELAKE_IT_POSTGRES_URL", HOW_TO_SET));
        env.put("ZONELAKE_SQL_USER", ItEnvironment.require("ZONELAKE_IT_POSTGRES_USER", HOW_TO_SET));
        env.put("ZONELAKE_SQL_PASSWORD", ItEnvironment.require("ZONELAKE_IT_POSTGRES_PASSWORD", HOW_TO_SET));
        env.put("ZONELAKE_TIMESERIES_INFLUXDB_URL", ItEnvironment.require("ZONELAKE_IT_INFLUXDB_URL", HOW_TO_SET));
        String neo4j = ItEnvironment.optional("ZONELAKE_IT_NEO4J_URL", "");
        withGraph = !neo4j.isEmpty();
        if (withGraph) {
            env.put("ZONELAKE_GRAPH_NEO4J_URL", neo4j);
            env.put("ZONELAKE_GRAPH_NEO4J_USER", ItEnvironment.optional("ZONELAKE_IT_NEO4J_USER", "neo4j"));
            env.put("ZONELAKE_GRAPH_NEO4J_PASSWORD", ItEnvironment.optional("ZONELAKE_IT_NEO4J_PASSWORD", ""));
        }
        return env;
    }

    /** A table (CSV → sql-tabular), sensor readings (JSON → timeseries-json), and with Neo4j a graph document. */
    private static List<ObjectStoredEvent> storeObjects(String project) {
        List<ObjectStoredEvent> events = new ArrayList<>();
        events.add(lake.store(project, "orders.csv", "text/csv"));
        events.add(lake.store(project, "sensors.json", "application/json"));
        if (withGraph) {
            events.add(lake.store(project, "people-links.json", "application/json"));
        }
        return events;
    }

    private static String pipelineOf(ObjectStoredEvent event) {
        return switch (event.storageName()) {
            case "1" -> PipelineNames.SQL_TABULAR;
            case "2" -> PipelineNames.TIMESERIES_JSON;
            default -> PipelineNames.GRAPH_JSON;
        };
    }

    /** The lake's own runner in this JVM, wired as the job wires it, with its own Spark session. */
    private static void processLocally(List<ObjectStoredEvent> events) {
        JobConfig config = JobConfig.from(ConfigSource.of(environment));
        try (LakeSpark spark = LakeSpark.local(2);
             LakeConnections connections = LakeConnections.open(config, spark, Clock.systemUTC());
             LocalPipelineRunner runner = new LocalPipelineRunner(connections.runnerServices(), config.runner())) {
            runner.start();
            var trigger = new LocalPipelineTrigger(connections.runnerServices().events(), runner::wakeUp, Clock.systemUTC());
            events.forEach(trigger::objectStored);
            Instant deadline = Instant.now().plus(RUNS_TIMEOUT);
            while (!events.stream().allMatch(PipelinesJobIT::runIsFinal)) {
                assertThat(Instant.now()).as("local runs final within " + RUNS_TIMEOUT).isBefore(deadline);
                pause();
            }
        }
    }

    private static boolean runIsFinal(ObjectStoredEvent event) {
        return lake.runs.find(event.project(), PipelineRun.idOf(event.objectId(), pipelineOf(event))).map(run -> run.state().isFinal())
                .orElse(false);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every row as text, in a stable order (the run id column names the same run on both sides). */
    private static List<String> rows(SqlStore sql, String project, String table) {
        List<String> rows = new ArrayList<>();
        sql.export(project, table, row -> rows.add(row.toString()));
        rows.sort(Comparator.naturalOrder());
        return rows;
    }

    private static List<Point> points(TimeSeriesStore timeSeries, String project, String measurement) {
        List<Point> points = new ArrayList<>();
        timeSeries.export(project, measurement, null, null, points::add);
        return points;
    }

    /** The object's nodes and relationships as sorted lines, the project's name replaced so that the two compare. */
    private static List<String> describe(GraphStore graph, String project, long objectId) {
        var subgraph = graph.ofObject(project, objectId);
        List<String> lines = new ArrayList<>();
        for (GraphNode node : subgraph.nodes()) {
            lines.add(("node " + node.key() + " " + node.labels() + " " + new java.util.TreeMap<>(node.properties())).replace(project, "<project>"));
        }
        for (GraphRelationship relationship : subgraph.relationships()) {
            lines.add(("relationship " + relationship.fromKey() + " -" + relationship.type() + "-> " + relationship.toKey() + " "
                    + new java.util.TreeMap<>(relationship.properties())).replace(project, "<project>"));
        }
        lines.sort(Comparator.naturalOrder());
        return lines;
    }
}
