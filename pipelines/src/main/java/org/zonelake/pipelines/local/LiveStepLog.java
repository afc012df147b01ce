package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import org.zonelake.core.process.RunRepository;
import org.zonelake.core.process.StepRun;

/**
 * Publishes a running step's log while it runs, so that the API shows progress on long work, and never after the
 * step ended: {@link #end()} waits for a publication in flight, and the step's final record always comes last.
 */
final class LiveStepLog {
    private final RunRepository runs;
    private final String project;
    private final String runId;
    private final String worker;
    private final StepRun running;
    private final StepLog log;
    private String published;
    private boolean ended;

    LiveStepLog(RunRepository runs, String project, String runId, String worker, StepRun running, StepLog log) {
        this.runs = requireNonNull(runs, "runs is null");
        this.project = requireNonNull(project, "project is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.worker = requireNonNull(worker, "worker is null");
        this.running = requireNonNull(running, "running is null");
        this.log = requireNonNull(log, "log is null");
        this.published = running.log();
    }

    /** Writes the log to the run record if it grew since the last time. */
    synchronized void publish() {
        String text = log.text();
        if (ended || text.equals(published)) {
            return;
        }
        runs.updateStep(project, runId, worker,
                new StepRun(running.name(), running.state(), running.attempts(), running.startedAt(), null, "", text));
        published = text;
    }

    /** No publication after this returns. */
    synchronized void end() {
        ended = true;
    }
}
