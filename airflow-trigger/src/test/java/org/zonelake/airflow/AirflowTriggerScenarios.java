package org.zonelake.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunState;

/**
 * The trigger, dispatcher and follower against a real Airflow that runs the IT probe DAG
 * (pipelines/airflow/tests/dags/zonelake_it_probe.py): it succeeds, or fails after one retry when the event's
 * template is {@code it-fail}. Each run uses a project of its own, since Airflow keeps the DAG runs of earlier runs. The
 * probe settles no run record, so a redone run whose DAG run succeeded is left failed by the follower, saying so.
 */
abstract class AirflowTriggerScenarios {
    static final String PROBE_DAG = "zonelake_it_probe";
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    private final InMemoryEventQueue events = new InMemoryEventQueue();
    private final InMemoryRunRepository runs = new InMemoryRunRepository();
    private final InMemoryObjectRepository objects = new InMemoryObjectRepository();
    private final String project = "it-" + Long.toString(System.currentTimeMillis(), 36) + "-" + Integer.toString(new java.util.Random().nextInt(1296), 36);
    private AirflowConfig config;
    private AirflowClient client;
    private AirflowDispatcher dispatcher;
    private AirflowPipelineTrigger trigger;

    /** The real Airflow's settings, or a skipped test. */
    protected abstract AirflowConfig airflow();

    @BeforeEach
    void startTheDispatcher() {
        config = airflow().withDagId(PROBE_DAG).withTimings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5));
        client = new AirflowClient(config);
        dispatcher = new AirflowDispatcher(client, events, runs, objects, config, Clock.systemUTC());
        trigger = new AirflowPipelineTrigger(events, dispatcher::wakeUp, Clock.systemUTC());
        dispatcher.start();
    }

    @AfterEach
    void stopTheDispatcher() {
        if (dispatcher != null) { // null when the IT was skipped: no Airflow configured
            dispatcher.close();
        }
    }

    private ObjectStoredEvent event(long objectId, String template) {
        return new ObjectStoredEvent(project, objectId, project + "/" + objectId + "/data.csv", "text/csv", 10, "00ff", template, "it",
                Instant.now());
    }

    private void awaitDone(ObjectStoredEvent... handedOver) {
        awaitTrue(() -> List.of(handedOver).stream().allMatch(e -> events.entry(e.eventId()).state() == InMemoryEventQueue.State.DONE),
                "events handed over and their DAG runs ended");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void anEventTriggersADagRunThatAirflowRunsWithTheEventAsConf() {
        ObjectStoredEvent event = event(1, "sensors");

        trigger.objectStored(event);
        awaitDone(event);

        String dagRunId = DagRunRequests.dagRunId(event);
        assertThat(client.findDagRun(PROBE_DAG, dagRunId)).contains(new DagRun(PROBE_DAG, dagRunId, DagRunState.SUCCESS));
        assertThat(client.xcomValue(PROBE_DAG, dagRunId, "probe", "return_value").orElseThrow().asText()).isEqualTo(project + "/1");
        assertThat(runs.list(new org.zonelake.core.process.RunQuery(project, 1L, null, null, 10)).items()).isEmpty();
    }

    @Test
    void aDuplicateEventTriggersNothingNew() {
        ObjectStoredEvent event = event(2, "sensors");
        trigger.objectStored(event);
        awaitDone(event);

        trigger.objectStored(event);
        String dagRunId = DagRunRequests.dagRunId(event);
        TriggerOutcome again = client.triggerDagRun(PROBE_DAG, dagRunId, DagRunRequests.conf(event));

        assertThat(events.backlog()).isZero();
        assertThat(again).isEqualTo(TriggerOutcome.ALREADY_EXISTS);
        assertThat(client.findDagRun(PROBE_DAG, dagRunId).orElseThrow().state()).isEqualTo(DagRunState.SUCCESS);
    }

    @Test
    void aFailedDagRunIsReflectedInTheRunRecordsWithItsReason() {
        ObjectStoredEvent withRuns = event(3, "it-fail");
        ObjectStoredEvent withoutRuns = event(4, "it-fail");
        // As if the job had recorded a run and died while running it.
        PipelineRun run = PipelineRun.queued(project, 3, "sql-tabular", List.of("load"), Instant.now());
        runs.create(run);
        runs.claim(project, run.id(), "job-worker", Duration.ofHours(1), Instant.now());

        trigger.objectStored(withRuns);
        trigger.objectStored(withoutRuns);
        awaitDone(withRuns, withoutRuns);

        String reason = "Airflow DAG run zonelake:" + project + ":3 of DAG " + PROBE_DAG + " failed: Airflow task probe failed (try 2): "
                + "probe asked to fail for object 3 of project " + project;
        assertThat(runs.find(project, run.id()).orElseThrow()).extracting(PipelineRun::state, PipelineRun::reason)
                .containsExactly(RunState.FAILED, reason);
        assertThat(runs.find(project, "4-airflow").orElseThrow()).extracting(PipelineRun::state, PipelineRun::reason)
                .containsExactly(RunState.FAILED, reason.replace(":3 of", ":4 of").replace("object 3", "object 4"));
    }

    @Test
    void aRedoneRunGetsADagRunOfItsOwnPerGenerationThatAirflowRunsWithItsPipeline() {
        objects.store(project, 5, "text/csv", Instant.now());
        PipelineRun run = PipelineRun.queued(project, 5, "sql-tabular", List.of("load"), Instant.now());
        runs.create(run);
        runs.claim(project, run.id(), "job-worker", Duration.ofHours(1), Instant.now());
        runs.finish(project, run.id(), "job-worker", RunState.FAILED, "settled by the job", Instant.now());
        var runsApi = dispatcher.reportingChanges(runs);

        String first = redoAndAwaitItsDagRun(runsApi, run.id());
        String second = redoAndAwaitItsDagRun(runsApi, run.id());

        assertThat(second).isNotEqualTo(first);
        for (String dagRunId : List.of(first, second)) {
            assertThat(client.findDagRun(PROBE_DAG, dagRunId).orElseThrow().state()).isEqualTo(DagRunState.SUCCESS);
            assertThat(client.xcomValue(PROBE_DAG, dagRunId, "probe", "return_value").orElseThrow().asText())
                    .isEqualTo(project + "/5/sql-tabular");
        }
        assertThat(runs.find(project, run.id()).orElseThrow().reason())
                .isEqualTo("Airflow DAG run " + second + " of DAG " + PROBE_DAG + " succeeded but its job did not settle the run");
    }

    /** Redoes the run through the runs API's repository and waits until the follower settled the redo's DAG run. */
    private String redoAndAwaitItsDagRun(org.zonelake.core.process.RunRepository runsApi, String runId) {
        assertThat(runsApi.requestRedo(project, runId, null, Instant.now())).isTrue();
        String dagRunId = DagRunRequests.dagRunId(runs.find(project, runId).orElseThrow());
        awaitTrue(() -> runs.find(project, runId).orElseThrow().state().isFinal(), "the redo's DAG run " + dagRunId + " ended and was reflected");
        return dagRunId;
    }
}
