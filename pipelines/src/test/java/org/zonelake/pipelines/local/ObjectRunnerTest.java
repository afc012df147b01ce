package org.zonelake.pipelines.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.Route;
import org.zonelake.core.process.RunState;
import org.zonelake.metadata.EmbeddedMetadataStores;
import org.zonelake.pipelines.Pipeline;
import org.zonelake.pipelines.PipelineRegistry;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.PipelineTestbed;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.StepResult;

class ObjectRunnerTest {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    @TempDir
    Path directory;

    private final AtomicInteger loads = new AtomicInteger();
    private PipelineTestbed lake;

    @BeforeEach
    void freshLake() {
        lake = new PipelineTestbed(STORES.freshStore(), directory);
    }

    @Test
    void routesTheObjectAndSettlesItsRunInTheCallingThread() {
        lake.route(new Route("text/csv", null, "load"));
        ObjectStoredEvent event = lake.storedObject("a.csv", "text/csv", "x,y\n1,2\n");

        ObjectRunReport report = run(event, null, context -> StepResult.succeeded("loaded " + loads.incrementAndGet()));

        assertThat(report.allFinal()).isTrue();
        assertThat(report.runs()).extracting(PipelineRun::id, PipelineRun::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(event.objectId() + "-load", RunState.SUCCEEDED));
        assertThat(lake.run(event, "load").worker()).startsWith("job-");
        assertThat(lake.object(event).successfulOperations()).extracting(Operation::name).containsExactly("load");
        assertThat(lake.uploadState(event)).isEqualTo(UploadState.PROCESSED);
    }

    @Test
    void runningTheSameObjectAgainDoesNothingMore() {
        lake.route(new Route("text/csv", null, "load"));
        ObjectStoredEvent event = lake.storedObject("a.csv", "text/csv", "x,y\n1,2\n");
        run(event, null, context -> StepResult.succeeded("loaded " + loads.incrementAndGet()));

        ObjectRunReport again = run(event, null, context -> StepResult.succeeded("loaded " + loads.incrementAndGet()));

        assertThat(again.allFinal()).isTrue();
        assertThat(loads).hasValue(1);
        assertThat(lake.object(event).successfulOperations()).hasSize(1);
    }

    @Test
    void leavesARunWhoseStepThrewQueuedAndRetriesItOnTheNextCallUntilItGivesUp() {
        lake.route(new Route("text/csv", null, "load"));
        ObjectStoredEvent event = lake.storedObject("a.csv", "text/csv", "x,y\n1,2\n");
        StepBody down = context -> {
            loads.incrementAndGet();
            throw new IllegalStateException("gold zone unreachable");
        };

        ObjectRunReport first = run(event, null, down);
        run(event, null, down);
        ObjectRunReport third = run(event, null, down);

        assertThat(first.allFinal()).isFalse();
        assertThat(first.unfinished()).extracting(PipelineRun::state).containsExactly(RunState.QUEUED);
        assertThat(first.unfinished().get(0).reason()).contains("gold zone unreachable");
        assertThat(third.allFinal()).isTrue();
        assertThat(third.runs().get(0).state()).isEqualTo(RunState.FAILED);
        assertThat(third.runs().get(0).reason()).contains("gave up after 3 attempts");
        assertThat(loads).hasValue(3);
    }

    @Test
    void runsTheNamedPipelineInsteadOfTheRoutedOne() {
        ObjectStoredEvent event = lake.storedObject("a.bin", "application/octet-stream", "????");

        ObjectRunReport report = run(event, "load", context -> StepResult.succeeded("forced"));

        assertThat(report.runs()).extracting(PipelineRun::pipeline, PipelineRun::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("load", RunState.SUCCEEDED));
        assertThat(lake.runs.find(event.project(), PipelineRun.idOf(event.objectId(), PipelineNames.NONE))).isEmpty();
    }

    @Test
    void recordsAnObjectNoRouteMatchesAsNotHandled() {
        ObjectStoredEvent event = lake.storedObject("a.bin", "application/octet-stream", "????");

        ObjectRunReport report = run(event, null, context -> StepResult.succeeded("never"));

        assertThat(report.allFinal()).isTrue();
        assertThat(report.runs()).extracting(PipelineRun::state).containsExactly(RunState.NOT_HANDLED);
        assertThat(lake.uploadState(event)).isEqualTo(UploadState.NOT_HANDLED);
    }

    @Test
    void alsoExecutesARedoneRunOfAnotherPipeline() {
        lake.route(new Route("text/csv", null, "load"));
        ObjectStoredEvent event = lake.storedObject("a.csv", "text/csv", "x,y\n1,2\n");
        run(event, "other", context -> StepResult.succeeded("first"));
        lake.runs.requestRedo(event.project(), PipelineRun.idOf(event.objectId(), "other"), null, lake.clock.instant());

        ObjectRunReport report = run(event, null, context -> StepResult.succeeded("loaded " + loads.incrementAndGet()));

        assertThat(report.runs()).extracting(PipelineRun::pipeline, PipelineRun::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("load", RunState.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("other", RunState.SUCCEEDED));
    }

    @Test
    void reportsNothingToRunForAnUnknownObject() {
        ObjectStoredEvent event = lake.storedObject("a.csv", "text/csv", "x");

        ObjectRunReport report = run(new ObjectStoredEvent(event.project(), event.objectId() + 100, "none", "text/csv", 1, "", null,
                "alice", event.storedAt()), null, context -> StepResult.succeeded("never"));

        assertThat(report.runs()).isEmpty();
        assertThat(report.allFinal()).isTrue();
    }

    private ObjectRunReport run(ObjectStoredEvent event, String pipeline, StepBody load) {
        var registry = new PipelineRegistry(List.of(pipeline("load", load), pipeline("other", load)));
        try (ObjectRunner runner = new ObjectRunner(lake.services(registry, group -> { }), PipelineTestbed.fastConfig(Duration.ofSeconds(30)),
                () -> false)) {
            return runner.run(event.project(), event.objectId(), pipeline);
        }
    }

    /** The body of a test step. */
    private interface StepBody {
        StepResult run(StepContext context) throws Exception;
    }

    private static Pipeline pipeline(String name, StepBody body) {
        PipelineStep step = new PipelineStep() {
            @Override
            public String name() {
                return "load";
            }

            @Override
            public StepResult run(StepContext context) throws Exception {
                return body.run(context);
            }
        };
        return new Pipeline() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<PipelineStep> steps() {
                return List.of(step);
            }
        };
    }
}
