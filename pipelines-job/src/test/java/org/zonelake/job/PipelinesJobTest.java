package org.zonelake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.TableInfo;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunState;
import org.zonelake.metadata.EmbeddedMongoServer;
import org.zonelake.metadata.MetadataStore;
import org.zonelake.pipelines.spark.LakeSpark;
import org.zonelake.sql.SqlZone;
import org.zonelake.sql.SqlZoneConfig;

/**
 * The job in this JVM, as spark-submit would start it but on a local Spark master, against the embedded metadata server
 * reached by URL and an H2 gold database reached by URL: exit codes, run records, idempotence.
 */
class PipelinesJobTest {
    private static final String PROJECT = "jobs";
    private static EmbeddedMongoServer metadataServer;
    private static LakeSpark spark;
    private static int databases;

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Map<String, String> environment = new HashMap<>();
    private MetadataStore store;
    private TestLake lake;

    @BeforeAll
    static void startTheMetadataServerAndALocalSparkMaster() {
        metadataServer = EmbeddedMongoServer.startInMemory();
        // What spark-submit would pass: LakeSpark.submitted() takes its master from here.
        System.setProperty("spark.master", "local[2]");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        System.setProperty("spark.ui.enabled", "false");
        spark = LakeSpark.submitted();
    }

    @AfterAll
    static void stopAll() {
        spark.close();
        metadataServer.close();
        List.of("spark.master", "spark.driver.host", "spark.driver.bindAddress", "spark.ui.enabled").forEach(System::clearProperty);
    }

    @BeforeEach
    void freshLake() {
        String database = "job_" + ++databases;
        store = MetadataStore.on(metadataServer, database);
        lake = new TestLake(store, dataDir);
        environment.put("ZONELAKE_METADATA_MONGODB_URL", metadataServer.connectionString());
        environment.put("ZONELAKE_METADATA_DATABASE", database);
        environment.put("ZONELAKE_DATA_DIR", dataDir.toString());
        environment.put("ZONELAKE_SQL_JDBC_URL", h2Url());
        environment.put("ZONELAKE_PIPELINE_MAX_ATTEMPTS", "2");
    }

    @Test
    void loadsACsvObjectIntoTheSqlZoneAndExitsWithZero() {
        ObjectStoredEvent event = lake.store(PROJECT, "orders.csv", "text/csv");

        int code = runJob("--project", PROJECT, "--object-id", Long.toString(event.objectId()));

        assertThat(code).isEqualTo(PipelinesJob.DONE);
        PipelineRun run = lake.run(event, PipelineNames.SQL_TABULAR);
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.worker()).startsWith("job-");
        assertThat(lake.objects.find(PROJECT, event.objectId()).orElseThrow().successfulOperations()).extracting(Operation::runId)
                .containsExactly(run.id());
        assertThat(table(event)).extracting(TableInfo::rowCount).isEqualTo(9L);
        assertThat(output()).contains("run " + run.id() + " succeeded");
    }

    @Test
    void runningTheJobAgainLeavesTheSameStateAndExitsWithZero() {
        ObjectStoredEvent event = lake.store(PROJECT, "orders.csv", "text/csv");
        runJob("--project", PROJECT, "--object-id", Long.toString(event.objectId()));
        PipelineRun first = lake.run(event, PipelineNames.SQL_TABULAR);

        int code = runJob("--project", PROJECT, "--object-id", Long.toString(event.objectId()));

        assertThat(code).isEqualTo(PipelinesJob.DONE);
        assertThat(lake.run(event, PipelineNames.SQL_TABULAR)).isEqualTo(first);
        assertThat(table(event)).extracting(TableInfo::rowCount).isEqualTo(9L);
        assertThat(lake.objects.find(PROJECT, event.objectId()).orElseThrow().successfulOperations()).hasSize(1);
    }

    @Test
    void exitsWithOneAndQueuesTheRunAgainWhenItsGoldZoneIsNotConfiguredUntilItGivesUp() {
        ObjectStoredEvent event = lake.store(PROJECT, "sensors.json", "application/json");
        String[] args = {"--project", PROJECT, "--object-id", Long.toString(event.objectId())};

        int first = runJob(args);
        PipelineRun queued = lake.run(event, PipelineNames.TIMESERIES_JSON);
        int second = runJob(args);

        assertThat(first).isEqualTo(PipelinesJob.RETRY);
        assertThat(queued.state()).isEqualTo(RunState.QUEUED);
        assertThat(queued.reason()).contains("ZONELAKE_TIMESERIES_INFLUXDB_URL is not set");
        assertThat(second).as("the second of two attempts settles the run").isEqualTo(PipelinesJob.DONE);
        assertThat(lake.run(event, PipelineNames.TIMESERIES_JSON).state()).isEqualTo(RunState.FAILED);
    }

    @Test
    void recordsAnObjectNoPipelineHandlesAsNotHandledAndExitsWithZero() {
        ObjectStoredEvent event = lake.store(PROJECT, "orders.csv", "application/octet-stream");

        int code = runJob("--project", PROJECT, "--object-id", Long.toString(event.objectId()));

        assertThat(code).isEqualTo(PipelinesJob.DONE);
        assertThat(lake.run(event, PipelineNames.NONE).state()).isEqualTo(RunState.NOT_HANDLED);
    }

    @Test
    void exitsWithZeroWhenTheObjectDoesNotExist() {
        assertThat(runJob("--project", PROJECT, "--object-id", "404")).isEqualTo(PipelinesJob.DONE);
        assertThat(output()).contains("nothing to run");
    }

    @Test
    void exitsWithTwoOnBadArguments() {
        assertThat(runJob("--project", PROJECT, "--object-id", "seven")).isEqualTo(PipelinesJob.BAD_INVOCATION);
        assertThat(output()).contains("--object-id must be a positive number, was 'seven'").contains(JobArguments.USAGE);
    }

    @Test
    void exitsWithTwoForAnUnknownPipelineWithoutQueuingARun() {
        ObjectStoredEvent event = lake.store(PROJECT, "orders.csv", "text/csv");

        int code = runJob("--project", PROJECT, "--object-id", Long.toString(event.objectId()), "--pipeline", "sql-tabular2");

        assertThat(code).isEqualTo(PipelinesJob.BAD_INVOCATION);
        assertThat(output()).contains("unknown pipeline 'sql-tabular2'; known: ").contains(PipelineNames.SQL_TABULAR);
        assertThat(lake.runs.find(PROJECT, PipelineRun.idOf(event.objectId(), "sql-tabular2"))).isEmpty();
    }

    @Test
    void exitsWithTwoWithoutTheMetadataUrl() {
        environment.remove("ZONELAKE_METADATA_MONGODB_URL");

        assertThat(runJob("--project", PROJECT, "--object-id", "1")).isEqualTo(PipelinesJob.BAD_INVOCATION);
        assertThat(output()).contains("ZONELAKE_METADATA_MONGODB_URL is not set");
    }

    private int runJob(String... args) {
        var job = new PipelinesJob(ConfigSource.of(environment), Clock.systemUTC(), new PrintStream(output, true, StandardCharsets.UTF_8));
        return job.run(args, spark, new AtomicBoolean());
    }

    private TableInfo table(ObjectStoredEvent event) {
        try (SqlZone zone = SqlZone.open(new SqlZoneConfig(h2Url(), null, null), dataDir)) {
            SqlStore sql = zone.store();
            return sql.tables(PROJECT).stream().filter(table -> table.name().endsWith("_" + event.objectId())).findFirst().orElseThrow();
        }
    }

    private String h2Url() {
        return "jdbc:h2:file:" + dataDir.resolve("gold").resolve("sql") + ";DB_CLOSE_DELAY=-1";
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
