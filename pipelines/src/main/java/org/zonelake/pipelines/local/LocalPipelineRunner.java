package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.UploadRepository;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.QueuedEvent;
import org.zonelake.pipelines.PipelineStep;

/**
 * The process zone inside the lake's own process: worker threads that claim "object stored" events from the
 * durable queue with a lease and run the pipeline steps on them. Workers wake at once on {@link #wakeUp()} and
 * otherwise poll, which also picks up due retries and events whose worker died (their lease ran out).
 */
public final class LocalPipelineRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPipelineRunner.class);
    private static final long CLOSE_TIMEOUT_MILLIS = 10_000;

    private final EventQueue queue;
    private final LocalRunnerConfig config;
    private final Clock clock;
    private final EventProcessor processor;
    private final String runnerId = "local-" + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean running;

    public LocalPipelineRunner(EventQueue queue, ObjectRepository objects, UploadRepository uploads, List<PipelineStep> steps,
                               LocalRunnerConfig config, Clock clock) {
        this.queue = requireNonNull(queue, "queue is null");
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.processor = new EventProcessor(queue, objects, uploads, steps, config, clock, () -> !running);
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

    /** Tells an idle worker that an event is waiting. */
    public void wakeUp() {
        if (wakeUps.availablePermits() < config.workers()) {
            wakeUps.release();
        }
    }

    /** Stops the workers: an event interrupted mid-step goes back to the queue for the next runner. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        wakeUps.release(workers.size());
        workers.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_TIMEOUT_MILLIS);
        for (Thread worker : workers) {
            joinUntil(worker, deadline);
        }
        LOG.info("Pipeline runner {} stopped", runnerId);
    }

    private void work(String worker) {
        while (running) {
            try {
                Optional<QueuedEvent> claimed = queue.claim(worker, config.lease(), clock.instant());
                if (claimed.isPresent()) {
                    processWithContext(claimed.get());
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

    private void processWithContext(QueuedEvent claimed) {
        ObjectStoredEvent event = claimed.event();
        MDC.put("project", event.project());
        MDC.put("object_id", Long.toString(event.objectId()));
        MDC.put("event_id", event.eventId());
        try {
            processor.process(claimed);
        } finally {
            MDC.remove("project");
            MDC.remove("object_id");
            MDC.remove("event_id");
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
