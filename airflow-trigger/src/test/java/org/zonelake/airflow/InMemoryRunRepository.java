package org.zonelake.airflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunQuery;
import org.zonelake.core.process.RunRepository;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;

/**
 * A {@link RunRepository} in a map with the metadata zone's conditional updates (a change by a worker that does not
 * own the run changes nothing); listing returns one page. A redo re-queues a final run as the metadata zone does: due
 * at once, a new {@code queued_at}, the steps from the one redone reset.
 */
final class InMemoryRunRepository implements RunRepository {
    private final Map<String, PipelineRun> runs = new LinkedHashMap<>();

    @Override
    public synchronized boolean create(PipelineRun run) {
        return runs.putIfAbsent(key(run.project(), run.id()), run) == null;
    }

    @Override
    public synchronized Optional<PipelineRun> find(String project, String runId) {
        return Optional.ofNullable(runs.get(key(project, runId)));
    }

    @Override
    public synchronized Page<PipelineRun> list(RunQuery query) {
        List<PipelineRun> matching = runs.values().stream()
                .filter(r -> r.project().equals(query.project()))
                .filter(r -> query.objectId() == null || r.objectId() == query.objectId())
                .filter(r -> query.state() == null || r.state() == query.state())
                .sorted(Comparator.comparing(PipelineRun::queuedAt).reversed())
                .toList();
        return new Page<>(matching, null);
    }

    @Override
    public synchronized Optional<PipelineRun> claim(String worker, Duration lease, Instant now) {
        return runs.values().stream().filter(r -> claimable(r, now, true)).min(Comparator.comparing(PipelineRun::queuedAt))
                .map(r -> leased(r, worker, lease, now));
    }

    @Override
    public synchronized Optional<PipelineRun> claim(String project, String runId, String worker, Duration lease, Instant now) {
        return find(project, runId).filter(r -> claimable(r, now, false)).map(r -> leased(r, worker, lease, now));
    }

    @Override
    public synchronized boolean renewLease(String project, String runId, String worker, Instant leaseUntil) {
        return updateOwned(project, runId, worker, r -> with(r, r.state(), r.reason(), r.endedAt(), r.steps(), worker, leaseUntil));
    }

    @Override
    public synchronized boolean updateStep(String project, String runId, String worker, StepRun step) {
        return updateOwned(project, runId, worker, r -> with(r, r.state(), r.reason(), r.endedAt(),
                r.steps().stream().map(s -> s.name().equals(step.name()) ? step : s).toList(), worker, r.leaseUntil()));
    }

    @Override
    public synchronized boolean finish(String project, String runId, String worker, RunState state, String reason, Instant now) {
        if (!state.isFinal()) {
            throw new IllegalArgumentException("Cannot finish run " + runId + " as " + state.wireName() + ": not a final state");
        }
        return updateOwned(project, runId, worker, r -> with(r, state, reason, now, r.steps(), worker, null));
    }

    @Override
    public synchronized boolean retryLater(String project, String runId, String worker, String reason, Instant notBefore) {
        return updateOwned(project, runId, worker, r -> new PipelineRun(r.id(), r.project(), r.objectId(), r.pipeline(), RunState.QUEUED,
                r.attempts(), r.queuedAt(), r.startedAt(), null, reason, r.steps(), r.redoFromStep(), r.cancelRequested(), null, null, notBefore));
    }

    @Override
    public synchronized boolean requestRedo(String project, String runId, String fromStep, Instant now) {
        PipelineRun run = runs.get(key(project, runId));
        if (run == null || !run.state().isFinal()) {
            return false;
        }
        List<String> names = run.steps().stream().map(StepRun::name).toList();
        int from = fromStep == null ? 0 : names.indexOf(fromStep);
        if (from < 0) {
            throw new IllegalArgumentException("Cannot redo run " + runId + " from step " + fromStep + ": its steps are " + names);
        }
        List<StepRun> steps = new java.util.ArrayList<>(run.steps().subList(0, from));
        run.steps().subList(from, names.size()).forEach(step -> steps.add(StepRun.queued(step.name())));
        runs.put(key(project, runId), new PipelineRun(run.id(), run.project(), run.objectId(), run.pipeline(), RunState.QUEUED, run.attempts(),
                now, null, null, "", steps, fromStep, false, null, null, now));
        return true;
    }

    @Override
    public synchronized boolean requestCancel(String project, String runId, Instant now) {
        PipelineRun run = runs.get(key(project, runId));
        if (run == null || run.state().isFinal()) {
            return false;
        }
        runs.put(key(project, runId), run.state() == RunState.QUEUED
                ? with(run, RunState.CANCELLED, "cancelled before it ran", now, run.steps(), run.worker(), null)
                : new PipelineRun(run.id(), run.project(), run.objectId(), run.pipeline(), run.state(), run.attempts(), run.queuedAt(),
                        run.startedAt(), run.endedAt(), run.reason(), run.steps(), run.redoFromStep(), true, run.worker(), run.leaseUntil(),
                        run.notBefore()));
        return true;
    }

    @Override
    public synchronized long backlog() {
        return runs.values().stream().filter(r -> !r.state().isFinal()).count();
    }

    private static boolean claimable(PipelineRun run, Instant now, boolean onlyDue) {
        return run.state() == RunState.QUEUED && (!onlyDue || run.notBefore() == null || !run.notBefore().isAfter(now))
                || run.state() == RunState.RUNNING && run.leaseUntil() != null && run.leaseUntil().isBefore(now);
    }

    private PipelineRun leased(PipelineRun run, String worker, Duration lease, Instant now) {
        PipelineRun leased = new PipelineRun(run.id(), run.project(), run.objectId(), run.pipeline(), RunState.RUNNING, run.attempts() + 1,
                run.queuedAt(), now, null, run.reason(), run.steps(), run.redoFromStep(), run.cancelRequested(), worker, now.plus(lease), null);
        runs.put(key(run.project(), run.id()), leased);
        return leased;
    }

    private boolean updateOwned(String project, String runId, String worker, java.util.function.UnaryOperator<PipelineRun> change) {
        PipelineRun run = runs.get(key(project, runId));
        if (run == null || run.state() != RunState.RUNNING || !worker.equals(run.worker())) {
            return false;
        }
        runs.put(key(project, runId), change.apply(run));
        return true;
    }

    private static PipelineRun with(PipelineRun r, RunState state, String reason, Instant endedAt, List<StepRun> steps, String worker,
                                    Instant leaseUntil) {
        return new PipelineRun(r.id(), r.project(), r.objectId(), r.pipeline(), state, r.attempts(), r.queuedAt(), r.startedAt(), endedAt,
                reason, steps, r.redoFromStep(), r.cancelRequested(), state.isFinal() ? r.worker() : worker, leaseUntil, r.notBefore());
    }

    private static String key(String project, String runId) {
        return project + "/" + runId;
    }
}
