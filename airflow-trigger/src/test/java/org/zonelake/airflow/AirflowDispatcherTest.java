package org.zonelake.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunState;
import org.zonelake.core.testing.MutableClock;

class AirflowDispatcherTest {
    private static final String DAG = "zonelake_object_stored";
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final ObjectStoredEvent EVENT = new ObjectStoredEvent("p1", 42, "p1/42/data.csv", "text/csv", 1234, "ab12",
            "sensors", "alice", T0);
    private static final String RUN_ID = "zonelake:p1:42";

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryEventQueue events = new InMemoryEventQueue();
    private final InMemoryRunRepository runs = new InMemoryRunRepository();
    private final InMemoryObjectRepository objects = new InMemoryObjectRepository();
    private FakeAirflow airflow;
    private AirflowDispatcher dispatcher;
    private AirflowPipelineTrigger trigger;

    private void airflow(ApiVersion version) throws IOException {
        airflow = new FakeAirflow(version, DAG);
        server.setDispatcher(airflow);
        server.start();
        AirflowConfig config = AirflowConfig.of(server.url("/").toString(), FakeAirflow.USER, FakeAirflow.PASSWORD, ApiVersion.AUTO)
                .withTimings(POLL, Duration.ofSeconds(1), Duration.ofSeconds(10));
        dispatcher = new AirflowDispatcher(new AirflowClient(config), events, runs, objects, config, clock);
        trigger = new AirflowPipelineTrigger(events, dispatcher::wakeUp, clock);
    }

    @AfterEach
    void stop() throws IOException {
        if (dispatcher != null) {
            dispatcher.close();
        }
        server.shutdown();
    }

    /** Moves the clock past the poll interval and lets the dispatcher take the next due event. */
    private void nextPoll() {
        clock.advance(POLL);
        assertThat(dispatcher.dispatchOne()).as("an event was due").isTrue();
    }

    private PipelineRun run(String pipeline, RunState state) {
        PipelineRun queued = PipelineRun.queued("p1", 42, pipeline, List.of("load"), T0);
        runs.create(queued);
        if (state == RunState.RUNNING) {
            runs.claim("p1", queued.id(), "job-worker", Duration.ofHours(1), T0);
        } else if (state.isFinal()) {
            runs.claim("p1", queued.id(), "job-worker", Duration.ofHours(1), T0);
            runs.finish("p1", queued.id(), "job-worker", state, "settled by the job", T0);
        }
        return runs.find("p1", queued.id()).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = ApiVersion.class, names = {"V1", "V2"})
    void triggersOneDagRunPerEventWithTheEventAsConf(ApiVersion version) throws IOException {
        airflow(version);
        trigger.objectStored(EVENT);

        assertThat(dispatcher.dispatchOne()).isTrue();

        assertThat(airflow.triggered()).containsExactly(RUN_ID);
        assertThat(airflow.paused).isFalse();
        assertThat(airflow.confs.get(RUN_ID).toString()).isEqualTo("{\"project\":\"p1\",\"object_id\":42,\"storage_name\":\"p1/42/data.csv\","
                + "\"content_type\":\"text/csv\",\"size\":1234,\"sha256\":\"ab12\",\"template\":\"sensors\",\"uploader\":\"alice\","
                + "\"stored_at\":\"2025-03-01T10:00:00Z\"}");
        assertThat(events.entry(EVENT.eventId()).state()).isEqualTo(InMemoryEventQueue.State.WAITING);
        assertThat(events.entry(EVENT.eventId()).lastError()).isEqualTo("DAG run " + RUN_ID + " triggered");
    }

    @Test
    void aDuplicateEventTriggersNothingNew() throws IOException {
        airflow(ApiVersion.V2);
        trigger.objectStored(EVENT);
        trigger.objectStored(EVENT);
        dispatcher.dispatchOne();

        nextPoll();
        trigger.objectStored(EVENT);

        assertThat(airflow.triggered()).containsExactly(RUN_ID);
        assertThat(events.backlog()).isEqualTo(1);
    }

    @Test
    void followsADagRunTriggeredBeforeTheLakeRestartedInsteadOfTriggeringAnother() throws IOException {
        airflow(ApiVersion.V2);
        airflow.finish(RUN_ID, "running", null);
        trigger.objectStored(EVENT);

        dispatcher.dispatchOne();

        assertThat(airflow.triggered()).isEmpty();
        assertThat(events.entry(EVENT.eventId()).lastError()).isEqualTo("DAG run " + RUN_ID + " is running");
    }

    @Test
    void followsTheDagRunUntilItSucceedsAndLeavesTheJobsRunsAsTheJobSettledThem() throws IOException {
        airflow(ApiVersion.V2);
        trigger.objectStored(EVENT);
        dispatcher.dispatchOne();
        nextPoll();
        assertThat(events.entry(EVENT.eventId()).state()).isEqualTo(InMemoryEventQueue.State.WAITING);
        PipelineRun settled = run("sql-tabular", RunState.SUCCEEDED);

        airflow.finish(RUN_ID, "success", null);
        nextPoll();

        assertThat(events.entry(EVENT.eventId()).state()).isEqualTo(InMemoryEventQueue.State.DONE);
        assertThat(runs.find("p1", settled.id())).contains(settled);
        assertThat(events.backlog()).isZero();
    }

    @Test
    void aFailedDagRunFailsTheRunsTheJobLeftUnsettledWithItsReason() throws IOException {
        airflow(ApiVersion.V2);
        trigger.objectStored(EVENT);
        dispatcher.dispatchOne();
        PipelineRun running = run("sql-tabular", RunState.RUNNING);
        PipelineRun queued = run("timeseries-json", RunState.QUEUED);
        PipelineRun succeeded = run("graph-image", RunState.SUCCEEDED);

        airflow.finish(RUN_ID, "failed", "Airflow task spark_submit_tabular failed (try 4): spark-submit exited 1: no master");
        nextPoll();

        String reason = "Airflow DAG run " + RUN_ID + " of DAG " + DAG
                + " failed: Airflow task spark_submit_tabular failed (try 4): spark-submit exited 1: no master";
        assertThat(runs.find("p1", running.id()).orElseThrow()).extracting(PipelineRun::state, PipelineRun::reason)
                .containsExactly(RunState.FAILED, reason);
        assertThat(runs.find("p1", queued.id()).orElseThrow()).extracting(PipelineRun::state, PipelineRun::reason)
                .containsExactly(RunState.FAILED, reason);
        assertThat(runs.find("p1", succeeded.id())).contains(succeeded);
        assertThat(events.entry(EVENT.eventId()).state()).isEqualTo(InMemoryEventQueue.State.DONE);
    }

    @Test
    void aDagRunThatFailedBeforeTheJobRecordedARunIsRecordedAsAFailedAirflowRun() throws IOException {
        airflow(ApiVersion.V1);
        trigger.objectStored(EVENT);
        dispatcher.dispatchOne();

        airflow.finish(RUN_ID, "failed", null);
        nextPoll();

        PipelineRun recorded = runs.find("p1", "42-airflow").orElseThrow();
        String reason = "Airflow DAG run " + RUN_ID + " of DAG " + DAG + " failed: Airflow task spark_submit_tabular failed";
        assertThat(recorded).extracting(PipelineRun::pipeline, PipelineRun::state, PipelineRun::reason, PipelineRun::objectId)
                .containsExactly("airflow", RunState.FAILED, reason, 42L);
        assertThat(recorded.steps()).singleElement().extracting(s -> s.name(), s -> s.state(), s -> s.reason())
                .containsExactly("dag-run", RunState.FAILED, reason);
        assertThat(runs.backlog()).isZero();
    }

    @Test
    void keepsTheEventWhileAirflowIsDownBackingOffThenTriggersOnceItAnswers() throws IOException {
        airflow(ApiVersion.V2);
        airflow.down = true;
        trigger.objectStored(EVENT);

        dispatcher.dispatchOne();
        assertThat(events.entry(EVENT.eventId()).availableAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(events.entry(EVENT.eventId()).lastError()).startsWith("process_zone_unavailable: ").contains("HTTP 503");
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchOne();
        assertThat(events.entry(EVENT.eventId()).availableAt()).isEqualTo(T0.plusSeconds(3));

        airflow.down = false;
        clock.advance(Duration.ofSeconds(2));
        dispatcher.dispatchOne();

        assertThat(airflow.triggered()).containsExactly(RUN_ID);
        assertThat(events.entry(EVENT.eventId()).availableAt()).isEqualTo(T0.plusSeconds(3).plus(POLL));
    }

    @Test
    void theDispatcherThreadHandsAnEventOverAsSoonAsItIsWokenUp() throws Exception {
        airflow = new FakeAirflow(ApiVersion.V2, DAG);
        server.setDispatcher(airflow);
        AirflowConfig config = AirflowConfig.of(server.url("/").toString(), FakeAirflow.USER, FakeAirflow.PASSWORD, ApiVersion.V2)
                .withTimings(Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(10));
        dispatcher = new AirflowDispatcher(new AirflowClient(config), events, runs, objects, config, Clock.systemUTC());
        trigger = new AirflowPipelineTrigger(events, dispatcher::wakeUp, Clock.systemUTC());
        dispatcher.start();

        trigger.objectStored(EVENT);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (airflow.triggered().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(airflow.triggered()).containsExactly(RUN_ID);
    }
}
