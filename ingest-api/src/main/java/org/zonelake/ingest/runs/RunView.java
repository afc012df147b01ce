package org.zonelake.ingest.runs;

import java.time.Instant;
import java.util.List;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.StepRun;

/** A pipeline run as the API shows it: states as lower-case text, nothing of the queue's internals (worker, lease). */
record RunView(String id, String project, long objectId, String pipeline, String state, int attempts, Instant queuedAt, Instant startedAt,
               Instant endedAt, String reason, String redoFromStep, boolean cancelRequested, List<StepView> steps) {

    record StepView(String name, String state, int attempts, Instant startedAt, Instant endedAt, String reason, String log) {
        static StepView of(StepRun step) {
            return new StepView(step.name(), step.state().wireName(), step.attempts(), step.startedAt(), step.endedAt(), step.reason(),
                    step.log());
        }
    }

    static RunView of(PipelineRun run) {
        return new RunView(run.id(), run.project(), run.objectId(), run.pipeline(), run.state().wireName(), run.attempts(), run.queuedAt(),
                run.startedAt(), run.endedAt(), run.reason(), run.redoFromStep(), run.cancelRequested(),
                run.steps().stream().map(StepView::of).toList());
    }
}
