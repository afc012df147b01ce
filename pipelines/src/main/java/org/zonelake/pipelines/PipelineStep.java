package org.zonelake.pipelines;

import org.zonelake.core.process.ObjectStoredEvent;

/**
 * One thing the process zone does with a stored object. Events are delivered at least once, so a step must be
 * idempotent: running it again for the same event changes nothing more. A step reports an outcome it is sure of
 * as a {@link StepResult}; it throws for a failure that may pass (a server down), which the runner retries.
 */
public interface PipelineStep {
    /** Stable name, used as the operation name in the object's document. */
    String name();

    StepResult run(ObjectStoredEvent event);
}
