package org.zonelake.airflow;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunQuery;
import org.zonelake.core.process.RunRepository;
import org.zonelake.core.process.RunState;

/**
 * Runs in the backlog that no job will take: queued and due, or running with a lease run out, while no DAG run of their
 * object is in progress (that one's job takes them). A redo is such a run, and so is one whose job died after queuing
 * it. Locally the runner claims them; with Airflow each generation of such a run (its id and {@code queued_at}) gets a
 * DAG run of its own, with the run's pipeline in the conf, followed until it ends: then a run still left unsettled is
 * failed with the DAG run's reason. The run records and Airflow hold all the state, so a restarted lake carries on.
 */
final class StrandedRuns {
    private static final Logger LOG = LoggerFactory.getLogger(StrandedRuns.class);
    private static final int PAGE_SIZE = 100;
    private static final String OBJECT_GONE = "the object was deleted";

    private final AirflowClient client;
    private final String dagId;
    private final RunRepository runs;
    private final ObjectRepository objects;
    private final DagRunReflection reflection;
    private final BiFunction<String, Map<String, Object>, TriggerOutcome> trigger;
    private final Clock clock;

    /** {@code trigger} starts a DAG run of the lake's DAG (its id, its conf), unpausing the DAG first if needed. */
    StrandedRuns(AirflowClient client, String dagId, RunRepository runs, ObjectRepository objects, DagRunReflection reflection,
                 BiFunction<String, Map<String, Object>, TriggerOutcome> trigger, Clock clock) {
        this.client = requireNonNull(client, "client is null");
        this.dagId = requireNonNull(dagId, "dagId is null");
        this.runs = requireNonNull(runs, "runs is null");
        this.objects = requireNonNull(objects, "objects is null");
        this.reflection = requireNonNull(reflection, "reflection is null");
        this.trigger = requireNonNull(trigger, "trigger is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Moves every stranded run of the projects a step on; a failure ends the sweep, the next one tries again. */
    void sweep(Collection<String> projects) {
        Instant now = clock.instant();
        for (String project : projects) {
            for (PipelineRun run : stranded(project, now)) {
                MDC.put("project", run.project());
                MDC.put("run_id", run.id());
                try {
                    handle(run);
                } finally {
                    MDC.remove("project");
                    MDC.remove("run_id");
                }
            }
        }
    }

    private List<PipelineRun> stranded(String project, Instant now) {
        List<PipelineRun> found = new ArrayList<>();
        // A queued run not yet due was given back by its job for a retry, which the job's DAG run makes.
        collect(new RunQuery(project, null, RunState.QUEUED, null, PAGE_SIZE), run -> run.notBefore() == null || !run.notBefore().isAfter(now), found);
        collect(new RunQuery(project, null, RunState.RUNNING, null, PAGE_SIZE), run -> run.leaseUntil() != null && run.leaseUntil().isBefore(now), found);
        return found;
    }

    private void collect(RunQuery first, Predicate<PipelineRun> strandedNow, List<PipelineRun> found) {
        RunQuery query = first;
        while (true) {
            Page<PipelineRun> page = runs.list(query);
            page.items().stream().filter(strandedNow).forEach(found::add);
            if (page.nextCursor() == null) {
                return;
            }
            query = new RunQuery(query.project(), null, query.state(), page.nextCursor(), PAGE_SIZE);
        }
    }

    private void handle(PipelineRun run) {
        if (run.state() == RunState.RUNNING && run.cancelRequested()) {
            reflection.settleUnheld(run, RunState.CANCELLED, "cancelled; the job that ran it is gone");
            return;
        }
        String dagRunId = DagRunRequests.dagRunId(run);
        Optional<DagRun> generation = client.findDagRun(dagId, dagRunId);
        if (generation.isEmpty()) {
            triggerUnlessTheObjectsDagRunHoldsIt(run, dagRunId);
        } else if (generation.get().state().isFinal()) {
            settleAfter(run, generation.get());
        }
    }

    private void triggerUnlessTheObjectsDagRunHoldsIt(PipelineRun run, String dagRunId) {
        Optional<DagRun> objectDagRun = client.findDagRun(dagId, DagRunRequests.objectDagRunId(run.project(), run.objectId()));
        if (objectDagRun.isPresent() && !objectDagRun.get().state().isFinal()) {
            LOG.debug("Run {} waits for DAG run {} of its object, whose job takes it", run.id(), objectDagRun.get().runId());
            return;
        }
        Optional<ObjectDocument> object = objects.find(run.project(), run.objectId()).filter(o -> o.status() == ObjectStatus.STORED);
        if (object.isEmpty()) {
            reflection.settleUnheld(run, RunState.CANCELLED, OBJECT_GONE);
            return;
        }
        TriggerOutcome outcome = trigger.apply(dagRunId, DagRunRequests.conf(object.get(), run));
        LOG.info("Run {} ({} queued at {}) handed to Airflow: DAG run {} of {} {}", run.id(), run.state().wireName(), run.queuedAt(),
                dagRunId, dagId, outcome == TriggerOutcome.CREATED ? "triggered" : "was already there");
    }

    /** The generation's DAG run ended, and its job left the run unsettled: the run shows why. */
    private void settleAfter(PipelineRun run, DagRun dagRun) {
        String what = "Airflow DAG run " + dagRun.runId() + " of DAG " + dagRun.dagId();
        if (dagRun.state() == DagRunState.FAILED) {
            String reason = client.failureReason(dagRun.dagId(), dagRun.runId()).orElse("no task left a reason");
            reflection.settleUnheld(run, RunState.FAILED, what + " failed: " + reason);
        } else if (objects.find(run.project(), run.objectId()).filter(o -> o.status() == ObjectStatus.STORED).isEmpty()) {
            reflection.settleUnheld(run, RunState.CANCELLED, OBJECT_GONE);
        } else {
            reflection.settleUnheld(run, RunState.FAILED, what + " succeeded but its job did not settle the run");
        }
    }

}
