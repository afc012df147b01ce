package org.zonelake.airflow;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.QueuedEvent;
import org.zonelake.core.process.RunRepository;

/**
 * The lake's side of the process zone on Airflow. One thread claims events from the durable queue: an event without
 * a DAG run triggers one (its id derived from the event, so a repeat finds the first run: Airflow's 409 is success);
 * an event with one is handed to the {@link DagRunFollower} until the run ends. While Airflow does not answer,
 * events go back to the queue with a backoff that doubles per consecutive failure: nothing is lost, nothing is
 * given up. Once no event is due, it sweeps the backlog of the projects it knows for {@link StrandedRuns} (a redo, a
 * run whose job died): each generation of such a run gets a DAG run too. The thread wakes at once on {@link #wakeUp()}
 * and otherwise polls.
 */
public final class AirflowDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AirflowDispatcher.class);
    private static final long CLOSE_TIMEOUT_MILLIS = 10_000;

    private final AirflowClient client;
    private final EventQueue events;
    private final AirflowConfig config;
    private final Clock clock;
    private final DagRunFollower follower;
    private final StrandedRuns strandedRuns;
    /** The projects whose backlog is swept: those of the events handled and of the runs a user redid or cancelled. */
    private final Set<String> projects = ConcurrentHashMap.newKeySet();
    private final String worker = "airflow-" + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean unpaused = new AtomicBoolean();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile boolean running;
    private Thread thread;

    /** {@code objects} gives the conf of a DAG run for a run asked for again: the object's event. */
    public AirflowDispatcher(AirflowClient client, EventQueue events, RunRepository runs, ObjectRepository objects, AirflowConfig config,
                             Clock clock) {
        this.client = requireNonNull(client, "client is null");
        this.events = requireNonNull(events, "events is null");
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        DagRunReflection reflection = new DagRunReflection(requireNonNull(runs, "runs is null"), worker, config.lease(), clock);
        this.follower = new DagRunFollower(client, events, reflection, config.pollInterval(), clock);
        this.strandedRuns = new StrandedRuns(client, config.dagId(), runs, requireNonNull(objects, "objects is null"), reflection,
                this::triggerDagRun, clock);
    }

    /** Starts the dispatcher thread; a dispatcher starts once. */
    public synchronized void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("Airflow dispatcher " + worker + " was already started");
        }
        running = true;
        thread = new Thread(this::work, "airflow-dispatcher-" + worker);
        thread.setDaemon(true);
        thread.start();
        LOG.info("Airflow dispatcher {} started: DAG {} at {}, poll interval {}", worker, config.dagId(), config.url(), config.pollInterval());
    }

    /** Tells the idle dispatcher that an event is waiting. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** A user redid or cancelled runs of the project: its backlog is swept from now on, at once. */
    public void runsChanged(String project) {
        projects.add(requireNonNull(project, "project is null"));
        wakeUp();
    }

    /** {@code runs} telling this dispatcher of every redo and cancel, for the gateway's runs API. */
    public RunRepository reportingChanges(RunRepository runs) {
        return new ChangeReportingRunRepository(runs, this::runsChanged);
    }

    /** Stops the thread; an event it held goes back to the queue when its lease runs out. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        wakeUps.release();
        thread.interrupt();
        try {
            thread.join(CLOSE_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Airflow dispatcher {} stopped", worker);
    }

    /** Claims one event and moves it on a step; false if none was due. */
    boolean dispatchOne() {
        Optional<QueuedEvent> claimed = events.claim(worker, config.lease(), clock.instant());
        claimed.ifPresent(event -> withContext(event.event(), () -> handle(event.event())));
        return claimed.isPresent();
    }

    /** Sweeps the backlog of the known projects once; false if Airflow or the metadata zone did not answer. */
    boolean sweepStrandedRuns() {
        try {
            strandedRuns.sweep(List.copyOf(projects));
            return true;
        } catch (RuntimeException e) {
            // Every stranded run stays as it is; the next poll looks again.
            if (e instanceof LakeException) {
                LOG.warn("Airflow dispatcher {} cannot hand stranded runs to Airflow; trying again in {}: {}", worker, config.pollInterval(),
                        e.getMessage());
            } else {
                LOG.error("Airflow dispatcher {} failed sweeping stranded runs; trying again in {}", worker, config.pollInterval(), e);
            }
            return false;
        }
    }

    private void handle(ObjectStoredEvent event) {
        projects.add(event.project());
        String dagRunId = DagRunRequests.dagRunId(event);
        try {
            Optional<DagRun> dagRun = client.findDagRun(config.dagId(), dagRunId);
            if (dagRun.isPresent()) {
                follower.follow(event, dagRun.get());
            } else {
                trigger(event, dagRunId);
            }
            consecutiveFailures.set(0);
        } catch (RuntimeException e) {
            backOff(event, e);
        }
    }

    private void trigger(ObjectStoredEvent event, String dagRunId) {
        TriggerOutcome outcome = triggerDagRun(dagRunId, DagRunRequests.conf(event));
        LOG.info("Object {} ({}) handed to Airflow: DAG run {} of {} {}", event.objectId(), event.contentType(), dagRunId, config.dagId(),
                outcome == TriggerOutcome.CREATED ? "triggered" : "was already there");
        follower.lookAgainLater(event, "DAG run " + dagRunId + " triggered");
    }

    private TriggerOutcome triggerDagRun(String dagRunId, Map<String, Object> conf) {
        if (!unpaused.get()) {
            client.unpause(config.dagId());
            unpaused.set(true);
        }
        return client.triggerDagRun(config.dagId(), dagRunId, conf);
    }

    /**
     * Every failure is retried: Airflow down or not yet ready (the DAG unparsed), refused credentials, even a rejected
     * request (the conf is the lake's own, so a DAG that rejects it is a DAG to fix). The wait grows with the
     * failures in a row, whatever event they hit, since they share one cause.
     */
    private void backOff(ObjectStoredEvent event, RuntimeException failure) {
        Duration wait = config.backoffAfter(consecutiveFailures.incrementAndGet());
        String reason = failure instanceof LakeException lake ? lake.code().wireName() + ": " + lake.getMessage() : failure.toString();
        try {
            events.retryLater(event.eventId(), reason, clock.instant().plus(wait));
        } catch (RuntimeException e) {
            LOG.warn("Event {} could not be given back; it comes back when its lease ends", event.eventId(), e);
        }
        if (failure instanceof LakeException) {
            LOG.warn("Event {}: {}; retrying in {}", event.eventId(), failure.getMessage(), wait);
        } else {
            LOG.error("Event {} failed unexpectedly; retrying in {}", event.eventId(), wait, failure);
        }
    }

    private void work() {
        while (running) {
            try {
                if (dispatchOne()) {
                    continue;
                }
                sweepStrandedRuns();
            } catch (RuntimeException e) {
                // The queue itself failed (the metadata zone is unreachable): wait a poll interval.
                LOG.error("Airflow dispatcher {} cannot claim events; trying again in {}", worker, config.pollInterval(), e);
            }
            awaitWakeUp();
        }
    }

    private void awaitWakeUp() {
        try {
            wakeUps.tryAcquire(config.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // Only close() interrupts; the loop sees that the dispatcher stopped.
        }
    }

    private static void withContext(ObjectStoredEvent event, Runnable work) {
        MDC.put("project", event.project());
        MDC.put("object_id", Long.toString(event.objectId()));
        try {
            work.run();
        } finally {
            MDC.remove("project");
            MDC.remove("object_id");
        }
    }
}
