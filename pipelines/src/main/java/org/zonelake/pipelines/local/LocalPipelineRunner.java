package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.QueuedEvent;

/**
 * The process zone inside the lake's own process. Worker threads take, in turn, "object stored" events from the
 * durable queue (routing each to a queued run) and queued runs (running their steps), both claimed with a lease.
 * Workers wake at once on {@link #wakeUp()} and otherwise poll, which also picks up due retries, redos, and runs
 * whose worker died (their lease ran out): after a crash, unfinished runs complete on the next start.
 */
public final class LocalPipelineRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPipelineRunner.class);
    private static final long CLOSE_TIMEOUT_MILLIS = 10_000;

    private final RunnerServices services;
    private final LocalRunnerConfig config;
    private final RunDispatcher dispatcher;
    private final RunExecutor executor;
    private final ScheduledExecutorService timer;
    private final String runnerId = "local-" + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean running;

    public LocalPipelineRunner(RunnerServices services, LocalRunnerConfig config) {
        this.services = requireNonNull(services, "services is null");
        this.config = requireNonNull(config, "config is null");
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pipeline-leases-" + runnerId);
            thread.setDaemon(true);
            return thread;
        });
        this.dispatcher = new RunDispatcher(services, config);
        this.executor = new RunExecutor(services, config, timer, () -> !running);
    }

    /** Starts the workers; a runner starts once. */
    public synchronized void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("Pipeline runner " + runnerId + " was already started");
        }
        running = true;
        for (int i = 1; i <= config.workers(); i++) {
            String worker = runnerId + "-" + i;
            Thread thread = new Thread(() -> work(worker), "pipeline-worker-" + worker);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
        LOG.info("Pipeline runner {} started {} workers (lease {}, poll interval {}, {} attempts)",
                runnerId, config.workers(), config.lease(), config.pollInterval(), config.maxAttempts());
    }

    /** Tells an idle worker that an event or a run is waiting. */
    public void wakeUp() {
        if (wakeUps.availablePermits() < config.workers()) {
            wakeUps.release();
        }
    }

    /** Stops the workers: a run interrupted mid-step goes back to the queue for the next runner. */
    @Override
    public synchronized void close() {
        if (!running) {
            timer.shutdownNow();
            return;
        }
        running = false;
        wakeUps.release(workers.size());
        workers.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_TIMEOUT_MILLIS);
        for (Thread worker : workers) {
            joinUntil(worker, deadline);
        }
        timer.shutdownNow();
        LOG.info("Pipeline runner {} stopped", runnerId);
    }

    private void work(String worker) {
        while (running) {
            try {
                if (dispatchOne(worker) || executeOne(worker)) {
                    continue;
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.error("Worker {} failed; it tries again in {}", worker, config.pollInterval(), e);
            }
            awaitWakeUp();
        }
    }

    private boolean dispatchOne(String worker) {
        Optional<QueuedEvent> claimed = services.events().claim(worker, config.lease(), services.clock().instant());
        if (claimed.isEmpty()) {
            return false;
        }
        withContext(claimed.get().event().project(), claimed.get().event().objectId(), null, () -> dispatcher.dispatch(claimed.get()));
        return true;
    }

    private boolean executeOne(String worker) {
        Optional<PipelineRun> claimed = services.runs().claim(worker, config.lease(), services.clock().instant());
        if (claimed.isEmpty()) {
            return false;
        }
        PipelineRun run = claimed.get();
        withContext(run.project(), run.objectId(), run.id(), () -> executor.execute(run, worker));
        return true;
    }

    /** Runs {@code work} with the project, object and run (if not null) in the logging MDC. */
    static void withContext(String project, long objectId, String runId, Runnable work) {
        MDC.put("project", project);
        MDC.put("object_id", Long.toString(objectId));
        if (runId != null) {
            MDC.put("run_id", runId);
        }
        try {
            work.run();
        } finally {
            MDC.remove("project");
            MDC.remove("object_id");
            MDC.remove("run_id");
        }
    }

    private void awaitWakeUp() {
        try {
            wakeUps.tryAcquire(config.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // Only close() interrupts; the loop sees that the runner stopped.
        }
    }

    private static void joinUntil(Thread worker, long deadline) {
        try {
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOG.warn("Worker thread {} did not stop within {} ms", worker.getName(), CLOSE_TIMEOUT_MILLIS);
        }
    }
}
