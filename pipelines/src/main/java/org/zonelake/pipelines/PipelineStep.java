package org.zonelake.pipelines;

/**
 * One step of a pipeline. Runs are delivered at least once and can be redone, so a step must be idempotent:
 * running it again for the same object leaves the gold zones in the same state.
 *
 * <p>A step reports an outcome it is sure of as a {@link StepResult}: bad data is {@link StepResult#failed}
 * with a reason a user can act on, and is not retried. It throws for a failure that may pass (a server down,
 * a timeout): the runner retries the step with backoff.
 */
public interface PipelineStep {
    /** Stable name, unique within its pipeline. */
    String name();

    StepResult run(StepContext context) throws Exception;
}
