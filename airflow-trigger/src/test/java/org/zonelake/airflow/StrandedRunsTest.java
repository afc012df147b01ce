package org.zonelake.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunRepository;
import org.zonelake.core.process.RunState;
import org.zonelake.core.testing.MutableClock;

/** Redo (and cancel) through the runs API while Airflow processes objects: runs no job will take get DAG runs. */
class StrandedRunsTest {
    private static final String DAG = "zonelake_object_stored";
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final String OBJECT_DAG_RUN = "zonelake:p1:42";

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryEventQueue events = new InMemoryEventQueue();
    private final InMemoryRunRepository runs = new InMemoryRunRepository();
    private final InMemoryObjectRepository objects = new InMemoryObjectRepository();
    private final FakeAirflow airflow = new FakeAirflow(ApiVersion.V2, DAG);
    private AirflowDispatcher dispatcher;
    /** The run repository as the gateway's runs API sees it. */
    private RunRepository runsApi;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(airflow);
        server.start();
        AirflowConfig config = AirflowConfig.of(server.url("/").toString(), FakeAirflow.USER, FakeAirflow.PASSWORD, ApiVersion.V2)
                .withTimings(POLL, Duration.ofSeconds(1), Duration.ofSeconds(10));
        dispatcher = new AirflowDispatcher(new AirflowClient(config), events, runs, objects, config, clock);
        runsApi = dispatcher.reportingChanges(runs);
        objects.store("p1", 42, "text/csv", T0);
        airflow.finish(OBJECT_DAG_RUN, "success", null);
    }

    @AfterEach
    void stop() throws IOException {
        dispatcher.close();
        server.shutdown();
    }

    /** A run of object 42 that a job settled in {@code state}. */
    private PipelineRun settledRun(String pipeline, RunState state) {
        PipelineRun queued = PipelineRun.queued("p1", 42, pipeline, List.of("load", "profile"), T0);
        runs.create(queued);
        settleAsAJob(queued.id(), state);
        return runs.find("p1", queued.id()).orElseThrow();
    }

    private void settleAsAJob(String runId, RunState state) {
        runs.claim("p1", runId, "job-worker", Duration.ofMinutes(1), clock.instant());
        runs.finish("p1", runId, "job-worker", state, "settled by the job", clock.instant());
    }

    private String redo(String runId) {
        clock.advance(Duration.ofSeconds(1));
        assertThat(runsApi.requestRedo("p1", runId, null, clock.instant())).isTrue();
        return DagRunRequests.dagRunId(runs.find("p1", runId).orElseThrow());
    }

    private PipelineRun run(String runId) {
        return runs.find("p1", runId).orElseThrow();
    }

    @Test
    void aRedoneRunTriggersOneDagRunForItsGenerationWithTheObjectsEventAndItsPipeline() {
        PipelineRun run = settledRun("sql-tabular", RunState.FAILED);

        String generation = redo(run.id());
        dispatcher.sweepStrandedRuns();
        clock.advance(POLL);
        dispatcher.sweepStrandedRuns();

        assertThat(generation).isEqualTo("zonelake:p1:42:sql-tabular:" + T0.plusSeconds(1).toEpochMilli());
        assertThat(airflow.triggered()).containsExactly(generation);
        assertThat(airflow.confs.get(generation).toString()).isEqualTo("{\"project\":\"p1\",\"object_id\":42,\"storage_name\":\"p1/42/data.csv\","
                + "\"content_type\":\"text/csv\",\"size\":1234,\"sha256\":\"ab12\",\"template\":\"sensors\",\"uploader\":\"alice\","
                + "\"stored_at\":\"2025-03-01T10:00:00Z\",\"pipeline\":\"sql-tabular\"}");
        assertThat(run(run.id()).state()).isEqualTo(RunState.QUEUED);
    }

    @Test
    void aSecondRedoTriggersAnotherDagRun() {
        PipelineRun run = settledRun("sql-tabular", RunState.FAILED);
        String first = redo(run.id());
        dispatcher.sweepStrandedRuns();
        settleAsAJob(run.id(), RunState.SUCCEEDED);
        airflow.finish(first, "success", null);

        String second = redo(run.id());
        dispatcher.sweepStrandedRuns();
        dispatcher.sweepStrandedRuns();

        assertThat(second).isNotEqualTo(first);
        assertThat(airflow.triggered()).containsExactly(first, second);
    }

    @Test
    void aRunHeldByALiveLeaseOrWaitingForItsJobsRetryTriggersNone() {
        PipelineRun held = PipelineRun.queued("p1", 42, "sql-tabular", List.of("load"), T0);
        runs.create(held);
        runs.claim("p1", held.id(), "job-worker", Duration.ofMinutes(1), T0);
        PipelineRun givenBack = PipelineRun.queued("p1", 42, "graph-json", List.of("load"), T0);
        runs.create(givenBack);
        runs.claim("p1", givenBack.id(), "job-worker", Duration.ofMinutes(1), T0);
        runs.retryLater("p1", givenBack.id(), "job-worker", "Spark was busy", T0.plus(Duration.ofMinutes(5)));
        dispatcher.runsChanged("p1");

        clock.advance(Duration.ofSeconds(30));
        dispatcher.sweepStrandedRuns();

        assertThat(airflow.triggered()).isEmpty();
        assertThat(run(held.id()).state()).isEqualTo(RunState.RUNNING);
    }

    @Test
    void aRunWhoseJobDiedIsHandedToAirflowOnceItsLeaseRanOut() {
        PipelineRun held = PipelineRun.queued("p1", 42, "sql-tabular", List.of("load"), T0);
        runs.create(held);
        runs.claim("p1", held.id(), "job-worker", Duration.ofMinutes(1), T0);
        dispatcher.runsChanged("p1");

        clock.advance(Duration.ofMinutes(2));
        dispatcher.sweepStrandedRuns();

        assertThat(airflow.triggered()).containsExactly(DagRunRequests.dagRunId(held));
    }

    @Test
    void aStrandedRunWaitsWhileTheDagRunOfItsObjectIsInProgress() {
        PipelineRun run = settledRun("sql-tabular", RunState.FAILED);
        airflow.finish(OBJECT_DAG_RUN, "running", null);
        String generation = redo(run.id());

        dispatcher.sweepStrandedRuns();
        assertThat(airflow.triggered()).isEmpty();

        airflow.finish(OBJECT_DAG_RUN, "success", null);
        dispatcher.sweepStrandedRuns();
        assertThat(airflow.triggered()).containsExactly(generation);
    }

    @Test
    void aGenerationWhoseDagRunFailedLeavesTheRunFailedWithAirflowsReason() {
        PipelineRun run = settledRun("sql-tabular", RunState.FAILED);
        String generation = redo(run.id());
        dispatcher.sweepStrandedRuns();

        airflow.finish(generation, "failed", "Airflow task spark_submit_tabular failed (try 4): exited 1");
        dispatcher.sweepStrandedRuns();

        assertThat(run(run.id())).extracting(PipelineRun::state, PipelineRun::reason).containsExactly(RunState.FAILED,
                "Airflow DAG run " + generation + " of DAG " + DAG + " failed: Airflow task spark_submit_tabular failed (try 4): exited 1");
        assertThat(airflow.triggered()).containsExactly(generation);
    }

    @Test
    void aGenerationWhoseJobSettledTheRunLeavesItAsTheJobDid() {
        PipelineRun run = settledRun("sql-tabular", RunState.FAILED);
        String generation = redo(run.id());
        dispatcher.sweepStrandedRuns();

        settleAsAJob(run.id(), RunState.SUCCEEDED);
        airflow.finish(generation, "success", null);
        dispatcher.sweepStrandedRuns();

        assertThat(run(run.id())).extracting(PipelineRun::state, PipelineRun::reason).containsExactly(RunState.SUCCEEDED, "settled by the job");
    }

    @Test
    void aRedoOfAnObjectDeletedMeanwhileIsCancelledWithoutADagRun() {
        PipelineRun run = settledRun("sql-tabular", RunState.FAILED);
        redo(run.id());
        objects.remove("p1", 42);

        dispatcher.sweepStrandedRuns();

        assertThat(airflow.triggered()).isEmpty();
        assertThat(run(run.id())).extracting(PipelineRun::state, PipelineRun::reason).containsExactly(RunState.CANCELLED, "the object was deleted");
    }

    @Test
    void aRunOfNoRealPipelineIsRedoneByRoutingTheObjectAgain() {
        PipelineRun run = settledRun("none", RunState.NOT_HANDLED);

        String generation = redo(run.id());
        dispatcher.sweepStrandedRuns();

        assertThat(airflow.triggered()).containsExactly(generation);
        assertThat(airflow.confs.get(generation).has("pipeline")).isFalse();
    }

    @Test
    void aRunWhoseCancelWasRequestedAndWhoseJobDiedIsCancelledWithoutADagRun() {
        PipelineRun held = PipelineRun.queued("p1", 42, "sql-tabular", List.of("load"), T0);
        runs.create(held);
        runs.claim("p1", held.id(), "job-worker", Duration.ofMinutes(1), T0);
        assertThat(runsApi.requestCancel("p1", held.id(), T0)).isTrue();

        clock.advance(Duration.ofMinutes(2));
        dispatcher.sweepStrandedRuns();

        assertThat(airflow.triggered()).isEmpty();
        assertThat(run(held.id()).state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void onlyProjectsTheDispatcherKnowsAreSwept() {
        PipelineRun run = settledRun("sql-tabular", RunState.FAILED);
        runs.requestRedo("p1", run.id(), null, T0.plusSeconds(1));

        dispatcher.sweepStrandedRuns();

        assertThat(airflow.triggered()).isEmpty();
    }

    @Test
    void theRunningDispatcherHandsARedoToAirflowAtOnce() throws InterruptedException {
        PipelineRun run = settledRun("sql-tabular", RunState.FAILED);
        dispatcher.start();

        String generation = redo(run.id());

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (airflow.triggered().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(airflow.triggered()).containsExactly(generation);
    }
}
