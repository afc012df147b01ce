package org.zonelake.ingest.runs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;
import org.zonelake.ingest.TestLake;

/** Runs as the process zone leaves them, written straight to the lake's run repository. */
final class Runs {
    static final List<String> STEPS = List.of("read", "load", "profile");

    private Runs() {}

    /** A run of three steps in {@code state}: a failed one failed at "load", a running one is at "load". */
    static PipelineRun create(TestLake lake, String project, long objectId, String pipeline, RunState state) {
        PipelineRun run = of(lake.clock().instant().truncatedTo(ChronoUnit.MILLIS), project, objectId, pipeline, state);
        if (!lake.process().runs().create(run)) {
            throw new AssertionError("Run " + run.id() + " exists already in " + project);
        }
        return run;
    }

    static PipelineRun of(Instant now, String project, long objectId, String pipeline, RunState state) {
        boolean running = state == RunState.RUNNING;
        boolean started = state != RunState.QUEUED;
        return new PipelineRun(PipelineRun.idOf(objectId, pipeline), project, objectId, pipeline, state, started ? 1 : 0, now,
                started ? now : null, state.isFinal() ? now : null, state == RunState.FAILED ? "load: row 3 has 2 cells, not 3" : "",
                steps(state, now), null, false, running ? "worker-1" : null, running ? now.plusSeconds(300) : null, now);
    }

    private static List<StepRun> steps(RunState state, Instant now) {
        return switch (state) {
            case QUEUED -> STEPS.stream().map(StepRun::queued).toList();
            case RUNNING -> List.of(done("read", now), new StepRun("load", RunState.RUNNING, 1, now, null, "", "loading"), StepRun.queued("profile"));
            case FAILED -> List.of(done("read", now), new StepRun("load", RunState.FAILED, 1, now, now, "row 3 has 2 cells, not 3",
                    "read 2 rows\nrow 3 has 2 cells, not 3"), StepRun.queued("profile"));
            default -> STEPS.stream().map(name -> new StepRun(name, state, 1, now, now, "", "")).toList();
        };
    }

    private static StepRun done(String name, Instant now) {
        return new StepRun(name, RunState.SUCCEEDED, 1, now, now, "", name + " done");
    }
}
