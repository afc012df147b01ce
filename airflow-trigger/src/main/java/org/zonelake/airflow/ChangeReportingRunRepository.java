package org.zonelake.airflow;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunQuery;
import org.zonelake.core.process.RunRepository;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;

/**
 * The run repository of the gateway's runs API when Airflow processes objects: it reports the project of every redo and
 * cancel it made, so that the dispatcher sweeps that project's backlog (the runs API's wake-up names no project).
 */
public final class ChangeReportingRunRepository implements RunRepository {
    private final RunRepository runs;
    private final Consumer<String> changedProject;

    public ChangeReportingRunRepository(RunRepository runs, Consumer<String> changedProject) {
        this.runs = requireNonNull(runs, "runs is null");
        this.changedProject = requireNonNull(changedProject, "changedProject is null");
    }

    @Override
    public boolean requestRedo(String project, String runId, String fromStep, Instant now) {
        return reported(project, runs.requestRedo(project, runId, fromStep, now));
    }

    @Override
    public boolean requestCancel(String project, String runId, Instant now) {
        return reported(project, runs.requestCancel(project, runId, now));
    }

    private boolean reported(String project, boolean changed) {
        if (changed) {
            changedProject.accept(project);
        }
        return changed;
    }

    @Override
    public boolean create(PipelineRun run) {
        return runs.create(run);
    }

    @Override
    public Optional<PipelineRun> find(String project, String runId) {
        return runs.find(project, runId);
    }

    @Override
    public Page<PipelineRun> list(RunQuery query) {
        return runs.list(query);
    }

    @Override
    public Optional<PipelineRun> claim(String worker, Duration lease, Instant now) {
        return runs.claim(worker, lease, now);
    }

    @Override
    public Optional<PipelineRun> claim(String project, String runId, String worker, Duration lease, Instant now) {
        return runs.claim(project, runId, worker, lease, now);
    }

    @Override
    public boolean renewLease(String project, String runId, String worker, Instant leaseUntil) {
        return runs.renewLease(project, runId, worker, leaseUntil);
    }

    @Override
    public boolean updateStep(String project, String runId, String worker, StepRun step) {
        return runs.updateStep(project, runId, worker, step);
    }

    @Override
    public boolean finish(String project, String runId, String worker, RunState state, String reason, Instant now) {
        return runs.finish(project, runId, worker, state, reason, now);
    }

    @Override
    public boolean retryLater(String project, String runId, String worker, String reason, Instant notBefore) {
        return runs.retryLater(project, runId, worker, reason, notBefore);
    }

    @Override
    public long backlog() {
        return runs.backlog();
    }
}
