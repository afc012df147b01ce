package org.zonelake.core.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.zonelake.core.metadata.Page;

/**
 * Pipeline runs in the metadata zone, which is also their queue: workers claim queued runs with a lease, and a
 * running run whose lease ran out (its worker died) is claimable again. Every change is one atomic update.
 */
public interface RunRepository {
    /** Inserts the run unless one with its id exists in its project; returns whether it was inserted. */
    boolean create(PipelineRun run);

    Optional<PipelineRun> find(String project, String runId);

    Page<PipelineRun> list(RunQuery query);

    /**
     * Claims the oldest claimable run: queued and due, or running with an expired lease. The run becomes
     * running, owned by {@code worker} until {@code now + lease}, its attempts counted up.
     */
    Optional<PipelineRun> claim(String worker, Duration lease, Instant now);

    /**
     * Claims one given run, as {@link #claim(String, Duration, Instant)} would, for a caller told to run it now (a job
     * submitted for one object): queued, whatever its {@code notBefore} (the submitter keeps its own backoff), or
     * running with an expired lease. Empty when the run is unknown, final, or held by a live lease.
     */
    default Optional<PipelineRun> claim(String project, String runId, String worker, Duration lease, Instant now) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot claim a given run");
    }

    /** Extends the lease of a run {@code worker} still owns to {@code leaseUntil}; false if it lost the run. */
    boolean renewLease(String project, String runId, String worker, Instant leaseUntil);

    /** Replaces the step of the same name, if the run is still owned by {@code worker}; false otherwise. */
    boolean updateStep(String project, String runId, String worker, StepRun step);

    /** Settles a run owned by {@code worker} in a final state; false if the worker lost it. */
    boolean finish(String project, String runId, String worker, RunState state, String reason, Instant now);

    /** Gives a run owned by {@code worker} back to the queue, claimable from {@code notBefore}. */
    boolean retryLater(String project, String runId, String worker, String reason, Instant notBefore);

    /**
     * Re-queues a run in a final state, whole ({@code fromStep} null) or from one step; false if it is queued
     * or running.
     */
    boolean requestRedo(String project, String runId, String fromStep, Instant now);

    /**
     * Cancels a queued run at once (true), or marks a running one for its worker to stop (true); false if the
     * run is already final.
     */
    boolean requestCancel(String project, String runId, Instant now);

    /** Runs queued or running. */
    long backlog();
}
