package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunRepository;

/**
 * While a worker runs a step: renews the run's lease (so no other worker takes a run that is merely slow), watches
 * for a cancel request, which it passes on at once to the running engine jobs, and publishes the step's log.
 */
final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final RunRepository runs;
    private final PipelineRun run;
    private final String worker;
    private final Duration lease;
    private final Clock clock;
    private final Consumer<String> cancelJobs;
    private final ScheduledFuture<?> task;
    private volatile boolean cancelRequested;
    private volatile boolean lost;
    private volatile Runnable duringStep = () -> { };
    private long lastRenewal = System.nanoTime();

    LeaseKeeper(ScheduledExecutorService timer, RunRepository runs, PipelineRun run, String worker, Duration lease,
                Duration checkEvery, Clock clock, Consumer<String> cancelJobs) {
        this.runs = requireNonNull(runs, "runs is null");
        this.run = requireNonNull(run, "run is null");
        this.worker = requireNonNull(worker, "worker is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.cancelJobs = requireNonNull(cancelJobs, "cancelJobs is null");
        this.cancelRequested = run.cancelRequested();
        long period = Math.max(50, checkEvery.toMillis());
        this.task = timer.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Runs {@code work} at every check while a step runs (publishing its log); a no-op clears it. */
    void duringStep(Runnable work) {
        duringStep = requireNonNull(work, "work is null");
    }

    /** The lease could not be renewed: another worker may own the run now. */
    boolean lost() {
        return lost;
    }

    private void check() {
        try {
            if (!cancelRequested && runs.find(run.project(), run.id()).map(PipelineRun::cancelRequested).orElse(false)) {
                cancelRequested = true;
                LOG.info("Run {} of project {}: cancel requested, stopping its jobs", run.id(), run.project());
                cancelJobs.accept(run.id());
            }
            duringStep.run();
            if (System.nanoTime() - lastRenewal > lease.toNanos() / 3) {
                lost = !runs.renewLease(run.project(), run.id(), worker, clock.instant().plus(lease));
                lastRenewal = System.nanoTime();
            }
        } catch (RuntimeException e) {
            LOG.warn("Run {}: lease renewal or cancel check failed; trying again", run.id(), e);
        }
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
