package org.zonelake.core.process;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * The run of one pipeline on one object. Its id is stable ({@code <objectId>-<pipeline>}), so handing the same
 * object over twice is one run, and a redo re-queues the same run rather than adding another.
 *
 * @param attempts how often the run was claimed by a worker, over all redos
 * @param redoFromStep when a redo asked for one step only, that step; otherwise {@code null}
 * @param cancelRequested a user asked to cancel while the run was running
 * @param leaseUntil while running, until when the claiming worker owns it
 * @param notBefore while queued, the earliest time it may be claimed (retry backoff)
 */
public record PipelineRun(
        String id,
        String project,
        long objectId,
        String pipeline,
        RunState state,
        int attempts,
        Instant queuedAt,
        Instant startedAt,
        Instant endedAt,
        String reason,
        List<StepRun> steps,
        String redoFromStep,
        boolean cancelRequested,
        String worker,
        Instant leaseUntil,
        Instant notBefore) {

    public PipelineRun {
        requireNonNull(id, "id is null");
        requireNonNull(project, "project is null");
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(state, "state is null");
        requireNonNull(queuedAt, "queuedAt is null");
        reason = reason == null ? "" : reason;
        steps = List.copyOf(steps);
    }

    public static String idOf(long objectId, String pipeline) {
        return objectId + "-" + pipeline;
    }

    /** A new queued run whose steps are all queued. */
    public static PipelineRun queued(String project, long objectId, String pipeline, List<String> stepNames, Instant now) {
        return new PipelineRun(idOf(objectId, pipeline), project, objectId, pipeline, RunState.QUEUED, 0, now, null, null, "",
                stepNames.stream().map(StepRun::queued).toList(), null, false, null, null, now);
    }
}
