package org.zonelake.airflow;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunQuery;
import org.zonelake.core.process.RunRepository;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;

/**
 * Shows a finished DAG run in the lake's run records. The pipelines job records and settles the runs itself, so a
 * DAG run that succeeded changes nothing. One that failed for good leaves the runs the job did not settle failed
 * with Airflow's reason; and if the job never got to record a run, a failed run of the pseudo-pipeline
 * {@value #DAG_RUN_PIPELINE} (id {@code <objectId>-airflow}) says so, since the object would show no run at all.
 */
final class DagRunReflection {
    /** Pipeline name of the run that records a DAG run which failed before the job recorded any run. */
    static final String DAG_RUN_PIPELINE = "airflow";
    static final String DAG_RUN_STEP = "dag-run";
    private static final Logger LOG = LoggerFactory.getLogger(DagRunReflection.class);
    private static final int PAGE_SIZE = 100;

    private final RunRepository runs;
    private final String worker;
    private final Duration lease;
    private final Clock clock;

    /** {@code worker} is the name under which unsettled runs are claimed to be failed. */
    DagRunReflection(RunRepository runs, String worker, Duration lease, Clock clock) {
        this.runs = requireNonNull(runs, "runs is null");
        this.worker = requireNonNull(worker, "worker is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** {@code failureReason} is asked only for a failed DAG run. */
    void reflect(ObjectStoredEvent event, DagRun dagRun, Supplier<String> failureReason) {
        List<PipelineRun> objectRuns = runsOf(event);
        List<PipelineRun> unsettled = objectRuns.stream().filter(run -> !run.state().isFinal()).toList();
        if (dagRun.state() == DagRunState.SUCCESS) {
            if (!unsettled.isEmpty()) {
                LOG.warn("DAG run {} succeeded, yet runs {} of object {} are not final: a redo or another job owns them",
                        dagRun.runId(), unsettled.stream().map(PipelineRun::id).toList(), event.objectId());
            }
            return;
        }
        String reason = "Airflow DAG run " + dagRun.runId() + " of DAG " + dagRun.dagId() + " failed: " + failureReason.get();
        if (objectRuns.isEmpty()) {
            recordFailedDagRun(event, reason);
            return;
        }
        unsettled.forEach(run -> fail(run, reason));
    }

    private List<PipelineRun> runsOf(ObjectStoredEvent event) {
        List<PipelineRun> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<PipelineRun> page = runs.list(new RunQuery(event.project(), event.objectId(), null, cursor, PAGE_SIZE));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    /**
     * A queued run (the job gave it back for a retry that never came) is claimed and failed; a running one, whose
     * job is gone with its DAG run, is failed in the name of the worker that owns it. Both are conditional updates:
     * a run settled meanwhile stays as it is.
     */
    private void fail(PipelineRun run, String reason) {
        Instant now = clock.instant();
        Optional<PipelineRun> claimed = claim(run, now);
        boolean failed = claimed.isPresent()
                ? runs.finish(run.project(), run.id(), worker, RunState.FAILED, reason, now)
                : failInTheOwnersName(run, reason, now);
        if (failed) {
            LOG.info("Run {} of object {} failed: {}", run.id(), run.objectId(), reason);
        } else {
            LOG.warn("Run {} of object {} could not be failed after its DAG run failed: it changed meanwhile", run.id(), run.objectId());
        }
    }

    /**
     * Settles a run no job holds (queued, or running with a lease run out) in {@code state}: claimed first, so a job that
     * took the run meanwhile keeps it. Returns whether it was settled.
     */
    boolean settleUnheld(PipelineRun run, RunState state, String reason) {
        Instant now = clock.instant();
        boolean settled = claim(run, now).isPresent() && runs.finish(run.project(), run.id(), worker, state, reason, now);
        if (settled) {
            LOG.info("Run {} of object {} {}: {}", run.id(), run.objectId(), state.wireName(), reason);
        } else {
            LOG.debug("Run {} of object {} was taken or settled meanwhile; left as it is", run.id(), run.objectId());
        }
        return settled;
    }

    private Optional<PipelineRun> claim(PipelineRun run, Instant now) {
        try {
            return runs.claim(run.project(), run.id(), worker, lease, now);
        } catch (UnsupportedOperationException e) {
            LOG.debug("The run repository cannot claim a given run; failing run {} in its owner's name only", run.id());
            return Optional.empty();
        }
    }

    private boolean failInTheOwnersName(PipelineRun run, String reason, Instant now) {
        Optional<PipelineRun> current = runs.find(run.project(), run.id());
        if (current.isEmpty() || current.get().state() != RunState.RUNNING || current.get().worker() == null) {
            return false;
        }
        return runs.finish(run.project(), run.id(), current.get().worker(), RunState.FAILED, reason, now);
    }

    private void recordFailedDagRun(ObjectStoredEvent event, String reason) {
        Instant now = clock.instant();
        PipelineRun run = new PipelineRun(PipelineRun.idOf(event.objectId(), DAG_RUN_PIPELINE), event.project(), event.objectId(),
                DAG_RUN_PIPELINE, RunState.FAILED, 1, now, null, now, reason,
                List.of(new StepRun(DAG_RUN_STEP, RunState.FAILED, 1, null, now, reason, "")), null, false, null, null, null);
        if (runs.create(run)) {
            LOG.info("Object {} of project {} has no run: recorded run {} failed: {}", event.objectId(), event.project(), run.id(), reason);
        }
    }
}
