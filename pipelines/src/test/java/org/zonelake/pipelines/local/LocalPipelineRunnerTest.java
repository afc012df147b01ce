package org.zonelake.pipelines.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zonelake.pipelines.Eventually.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.Route;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;
import org.zonelake.metadata.EmbeddedMetadataStores;
import org.zonelake.pipelines.Pipeline;
import org.zonelake.pipelines.PipelineRegistry;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.PipelineTestbed;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.StepResult;

class LocalPipelineRunnerTest {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    @TempDir
    Path directory;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> cancelledJobGroups = new CopyOnWriteArrayList<>();
    private PipelineTestbed lake;

    @BeforeEach
    void freshLake() {
        lake = new PipelineTestbed(STORES.freshStore(), directory);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void runsTheRoutedPipelineAndRecordsItsStepsAndOperation() {
        lake.route(new Route("text/csv", null, "two-steps"));
        LocalPipelineRunner runner = runner(Duration.ofSeconds(30), twoSteps());
        ObjectStoredEvent event = lake.storedObject("a.csv", "text/csv", "x,y\n1,2\n");

        lake.trigger(runner).objectStored(event);

        PipelineRun run = awaitFinal(event, "two-steps");
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.reason()).isEqualTo("read 8 bytes; wrote");
        assertThat(run.steps()).extracting(StepRun::name, StepRun::state, StepRun::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("read", RunState.SUCCEEDED, 1),
                        org.assertj.core.groups.Tuple.tuple("write", RunState.SUCCEEDED, 1));
        assertThat(run.steps().get(0).log()).contains("staged 8 bytes");
        assertThat(lake.object(event).successfulOperations()).extracting(Operation::name, Operation::runId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("two-steps", run.id()));
        assertThat(lake.uploadState(event)).isEqualTo(UploadState.PROCESSED);
        assertThat(Files.exists(lake.workRoot.resolve(PipelineTestbed.PROJECT).resolve(run.id()))).as("work directory removed").isFalse();
    }

    @Test
    void recordsAnObjectNoRouteMatchesAsNotHandled() {
        LocalPipelineRunner runner = runner(Duration.ofSeconds(30), twoSteps());
        ObjectStoredEvent event = lake.storedObject("notes.bin", "application/octet-stream", "????");

        lake.trigger(runner).objectStored(event);

        PipelineRun run = awaitFinal(event, PipelineNames.NONE);
        assertThat(run.state()).isEqualTo(RunState.NOT_HANDLED);
        assertThat(run.reason()).contains("application/octet-stream");
        assertThat(lake.object(event).failedOperations()).extracting(Operation::name).containsExactly(PipelineNames.NONE);
        assertThat(lake.uploadState(event)).isEqualTo(UploadState.NOT_HANDLED);
    }

    @Test
    void retriesAThrowingStepWithBackoffUntilItSucceeds() {
        lake.route(new Route("text/*", null, "flaky"));
        LocalPipelineRunner runner = runner(Duration.ofSeconds(30), pipeline("flaky", step("load", context -> {
            if (count("load") < 3) {
                throw new IllegalStateException("gold zone unreachable");
            }
            return StepResult.succeeded("loaded");
        })));
        ObjectStoredEvent event = lake.storedObject("a.txt", "text/plain", "x");

        lake.trigger(runner).objectStored(event);

        PipelineRun run = awaitFinal(event, "flaky");
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.steps().get(0).attempts()).isEqualTo(3);
        assertThat(run.steps().get(0).log()).contains("threw java.lang.IllegalStateException: gold zone unreachable");
        assertThat(lake.object(event).failedOperations()).isEmpty();
    }

    @Test
    void givesUpAfterTheConfiguredAttempts() {
        lake.route(new Route("text/*", null, "broken"));
        LocalPipelineRunner runner = runner(Duration.ofSeconds(30), pipeline("broken", step("load", context -> {
            count("load");
            throw new IllegalStateException("still down");
        })));
        ObjectStoredEvent event = lake.storedObject("a.txt", "text/plain", "x");

        lake.trigger(runner).objectStored(event);

        PipelineRun run = awaitFinal(event, "broken");
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.reason()).contains("still down").contains("gave up after 3 attempts");
        assertThat(calls.get("load")).hasValue(3);
        assertThat(lake.object(event).failedOperations()).extracting(Operation::runId).containsExactly(run.id());
        assertThat(lake.uploadState(event)).isEqualTo(UploadState.FAILED);
    }

    @Test
    void failsOnBadDataAtOnceWithoutRetrying() {
        lake.route(new Route("text/*", null, "strict"));
        LocalPipelineRunner runner = runner(Duration.ofSeconds(30), pipeline("strict", step("load", context -> {
            count("load");
            return StepResult.failed("line 3: 2 fields, the header has 3");
        })));
        ObjectStoredEvent event = lake.storedObject("a.txt", "text/plain", "x");

        lake.trigger(runner).objectStored(event);

        PipelineRun run = awaitFinal(event, "strict");
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.reason()).isEqualTo("step load: line 3: 2 fields, the header has 3");
        assertThat(calls.get("load")).hasValue(1);
        assertThat(lake.object(event).failedOperations()).extracting(Operation::detail)
                .containsExactly("failed: step load: line 3: 2 fields, the header has 3");
    }

    @Test
    void failsAtOnceWhenAStepThrowsAUserErrorItDidNotTurnIntoAResult() {
        lake.route(new Route("text/*", null, "typed"));
        LocalPipelineRunner runner = runner(Duration.ofSeconds(30), pipeline("typed", step("load", context -> {
            count("load");
            throw new LakeException(ErrorCode.INVALID_DATA, "Row 2: 'abc' is not an integer for column depth");
        })));
        ObjectStoredEvent event = lake.storedObject("a.txt", "text/plain", "x");

        lake.trigger(runner).objectStored(event);

        PipelineRun run = awaitFinal(event, "typed");
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.reason()).isEqualTo("step load: Row 2: 'abc' is not an integer for column depth");
        assertThat(calls.get("load")).hasValue(1);
    }

    @Test
    void showsARunningStepsLogWhileItRuns() {
        lake.route(new Route("text/*", null, "long"));
        ObjectStoredEvent event = lake.storedObject("a.txt", "text/plain", "x");
        String runId = PipelineRun.idOf(event.objectId(), "long");
        LocalPipelineRunner runner = runner(Duration.ofSeconds(30), pipeline("long", step("load", context -> {
            context.log("100,000 rows so far");
            await("the log seen in the run record while the step runs", () -> lake.runs.find(PipelineTestbed.PROJECT, runId)
                    .map(run -> run.steps().get(0))
                    .filter(step -> step.state() == RunState.RUNNING && step.log().contains("100,000 rows so far"))
                    .isPresent());
            return StepResult.succeeded("done");
        })));

        lake.trigger(runner).objectStored(event);

        PipelineRun run = awaitFinal(event, "long");
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.steps().get(0).state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.steps().get(0).log()).contains("100,000 rows so far").contains("step load succeeded");
    }

    @Test
    void redoesAWholeRunOrFromOneStep() {
        lake.route(new Route("text/csv", null, "two-steps"));
        LocalPipelineRunner runner = runner(Duration.ofSeconds(30), twoSteps());
        ObjectStoredEvent event = lake.storedObject("a.csv", "text/csv", "x,y\n1,2\n");
        lake.trigger(runner).objectStored(event);
        PipelineRun first = awaitFinal(event, "two-steps");

        assertThat(lake.runs.requestRedo(PipelineTestbed.PROJECT, first.id(), null, lake.clock.instant())).isTrue();
        runner.wakeUp();
        await("whole redo ran both steps", () -> count("read", 0) == 2 && finalRun(event, "two-steps"));
        assertThat(calls.get("write")).hasValue(2);

        assertThat(lake.runs.requestRedo(PipelineTestbed.PROJECT, first.id(), "write", lake.clock.instant())).isTrue();
        runner.wakeUp();
        await("redo of step write ran it alone", () -> count("write", 0) == 3 && finalRun(event, "two-steps"));
        assertThat(calls.get("read")).hasValue(2);
        assertThat(lake.run(event, "two-steps").state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(lake.object(event).successfulOperations()).extracting(Operation::runId).containsOnly(first.id()).hasSize(3);
    }

    @Test
    void cancelsARunningRunAndStopsItsEngineJobs() {
        lake.route(new Route("text/*", null, "slow"));
        LocalPipelineRunner runner = runner(Duration.ofSeconds(30), pipeline("slow", step("load", context -> {
            count("load");
            await("cancel requested", Duration.ofSeconds(20), context::cancelRequested);
            throw new IllegalStateException("job cancelled");
        })));
        ObjectStoredEvent event = lake.storedObject("a.txt", "text/plain", "x");
        lake.trigger(runner).objectStored(event);
        await("step started", () -> count("load", 0) == 1);

        assertThat(lake.runs.requestCancel(PipelineTestbed.PROJECT, PipelineRun.idOf(event.objectId(), "slow"), lake.clock.instant())).isTrue();

        PipelineRun run = awaitFinal(event, "slow");
        assertThat(run.state()).isEqualTo(RunState.CANCELLED);
        assertThat(cancelledJobGroups).containsExactly(run.id());
        assertThat(calls.get("load")).hasValue(1);
    }

    @Test
    void completesOnceARunWhoseWorkerDiedWhenItsLeaseRunsOut() {
        lake.route(new Route("text/csv", null, "two-steps"));
        ObjectStoredEvent event = lake.storedObject("a.csv", "text/csv", "x,y\n1,2\n");
        lake.runs.create(PipelineRun.queued(event.project(), event.objectId(), "two-steps", List.of("read", "write"), lake.clock.instant()));
        assertThat(lake.runs.claim("dead-worker", Duration.ofMillis(300), lake.clock.instant())).isPresent();

        runner(Duration.ofSeconds(30), twoSteps()).wakeUp();

        PipelineRun run = awaitFinal(event, "two-steps");
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.attempts()).isEqualTo(2);
        assertThat(calls.get("read")).hasValue(1);
        assertThat(lake.object(event).successfulOperations()).hasSize(1);
    }

    private LocalPipelineRunner runner(Duration lease, Pipeline... pipelines) {
        LocalPipelineRunner runner = new LocalPipelineRunner(lake.services(new PipelineRegistry(List.of(pipelines)), cancelledJobGroups::add),
                PipelineTestbed.fastConfig(lease));
        resources.add(runner);
        runner.start();
        return runner;
    }

    private Pipeline twoSteps() {
        return pipeline("two-steps",
                step("read", context -> {
                    count("read");
                    long size = Files.size(context.stagedObject());
                    context.log("staged %d bytes", size);
                    return StepResult.succeeded("read " + size + " bytes");
                }),
                step("write", context -> {
                    count("write");
                    return StepResult.succeeded("wrote");
                }));
    }

    private int count(String step) {
        return calls.computeIfAbsent(step, name -> new AtomicInteger()).incrementAndGet();
    }

    private int count(String step, int unused) {
        return calls.computeIfAbsent(step, name -> new AtomicInteger()).get();
    }

    private PipelineRun awaitFinal(ObjectStoredEvent event, String pipeline) {
        await("run of " + pipeline + " final", () -> finalRun(event, pipeline));
        return lake.run(event, pipeline);
    }

    private boolean finalRun(ObjectStoredEvent event, String pipeline) {
        return lake.runs.find(event.project(), PipelineRun.idOf(event.objectId(), pipeline)).map(run -> run.state().isFinal()).orElse(false);
    }

    /** The body of a test step. */
    private interface StepBody {
        StepResult run(StepContext context) throws Exception;
    }

    private static PipelineStep step(String name, StepBody body) {
        return new PipelineStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StepResult run(StepContext context) throws Exception {
                return body.run(context);
            }
        };
    }

    private static Pipeline pipeline(String name, PipelineStep... steps) {
        return new Pipeline() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<PipelineStep> steps() {
                return List.of(steps);
            }
        };
    }
}
