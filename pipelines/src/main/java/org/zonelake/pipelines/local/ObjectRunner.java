package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunQuery;

/**
 * The runs of one object, done in the calling thread from start to end: what a job submitted for one object
 * (spark-submit, started by Airflow) does with the local runner's own parts. The object is routed and its run
 * queued as the dispatcher does it, then each unfinished run of the object is claimed by id and executed with the
 * same steps, leases, step logs and settlement. A step that throws leaves its run queued for a retry, which the
 * submitter makes by running the job again.
 */
public final class ObjectRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectRunner.class);
    /** Runs of one object listed at once; an object has one per pipeline it went through. */
    private static final int RUNS_PER_OBJECT = 100;

    private final RunnerServices services;
    private final LocalRunnerConfig config;
    private final RunDispatcher dispatcher;
    private final RunExecutor executor;
    private final ScheduledExecutorService timer;
    private final String worker = "job-" + UUID.randomUUID().toString().substring(0, 8);

    /** @param stopping true once the process is going down: a step it interrupts puts its run back in the queue */
    public ObjectRunner(RunnerServices services, LocalRunnerConfig config, BooleanSupplier stopping) {
        this.services = requireNonNull(services, "services is null");
        this.config = requireNonNull(config, "config is null");
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pipeline-leases-" + worker);
            thread.setDaemon(true);
            return thread;
        });
        this.dispatcher = new RunDispatcher(services, config);
        this.executor = new RunExecutor(services, config, timer, requireNonNull(stopping, "stopping is null"));
    }

    /**
     * Routes the object (or takes {@code pipeline}, if not null), queues its run unless it exists, and executes it and
     * every other unfinished run of the object. Returns the runs as they stand afterwards.
     */
    public ObjectRunReport run(String project, long objectId, String pipeline) {
        requireNonNull(project, "project is null");
        Set<String> runIds = new LinkedHashSet<>();
        LocalPipelineRunner.withContext(project, objectId, null,
                () -> dispatcher.queueRun(project, objectId, pipeline).ifPresent(runIds::add));
        if (pipeline == null) {
            unfinishedRuns(project, objectId).forEach(runIds::add);
        }
        List<PipelineRun> runs = new ArrayList<>();
        for (String runId : runIds) {
            LocalPipelineRunner.withContext(project, objectId, runId, () -> execute(project, runId).ifPresent(runs::add));
        }
        return new ObjectRunReport(project, objectId, runs);
    }

    /** The worker name this runner claims runs under. */
    public String worker() {
        return worker;
    }

    private List<String> unfinishedRuns(String project, long objectId) {
        return services.runs().list(new RunQuery(project, objectId, null, null, RUNS_PER_OBJECT)).items().stream()
                .filter(run -> !run.state().isFinal())
                .map(PipelineRun::id)
                .toList();
    }

    /** Claims the run and executes it; waits for a lease another worker holds to run out, at most one lease long. */
    private Optional<PipelineRun> execute(String project, String runId) {
        Instant giveUpAt = services.clock().instant().plus(config.lease()).plus(config.pollInterval());
        while (true) {
            Optional<PipelineRun> current = services.runs().find(project, runId);
            if (current.isEmpty() || current.get().state().isFinal()) {
                return current;
            }
            Optional<PipelineRun> claimed = services.runs().claim(project, runId, worker, config.lease(), services.clock().instant());
            if (claimed.isPresent()) {
                LOG.info("Run {} claimed by {} (attempt {})", runId, worker, claimed.get().attempts());
                executor.execute(claimed.get(), worker);
                return services.runs().find(project, runId);
            }
            if (!services.clock().instant().isBefore(giveUpAt) || !pause(config.pollInterval())) {
                LOG.warn("Run {} is held by worker {} until {}; leaving it", runId, current.get().worker(), current.get().leaseUntil());
                return current;
            }
        }
    }

    private static boolean pause(Duration interval) {
        try {
            TimeUnit.NANOSECONDS.sleep(interval.toNanos());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
