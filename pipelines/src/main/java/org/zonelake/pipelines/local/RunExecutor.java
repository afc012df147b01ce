package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;
import org.zonelake.pipelines.Pipeline;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepResult;

/**
 * Runs the steps of one claimed run in order and settles it. Steps that already succeeded (before a crash, or
 * before the step a redo starts from) are not run again. A step that throws is retried with backoff up to the
 * configured attempts; a step's definite result (bad data, not handled) settles the run at once.
 */
final class RunExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(RunExecutor.class);

    /** How a step ended, as far as the run is concerned. */
    private enum Next { CONTINUE, STOP }

    private final RunnerServices services;
    private final LocalRunnerConfig config;
    private final ScheduledExecutorService timer;
    private final BooleanSupplier stopping;
    private final RunSettlement settlement;

    RunExecutor(RunnerServices services, LocalRunnerConfig config, ScheduledExecutorService timer, BooleanSupplier stopping) {
        this.services = requireNonNull(services, "services is null");
        this.config = requireNonNull(config, "config is null");
        this.timer = requireNonNull(timer, "timer is null");
        this.stopping = requireNonNull(stopping, "stopping is null");
        this.settlement = new RunSettlement(services);
    }

    void execute(PipelineRun run, String worker) {
        Optional<ObjectDocument> object = services.objects().find(run.project(), run.objectId());
        if (object.isEmpty() || object.get().status() == ObjectStatus.DELETING) {
            settlement.settle(run, worker, null, RunState.CANCELLED, "the object was deleted");
            deleteWorkDirectory(run);
            return;
        }
        Optional<Pipeline> pipeline = services.pipelines().find(run.pipeline());
        if (pipeline.isEmpty()) {
            settlement.settle(run, worker, object.get(), RunState.NOT_HANDLED, noPipelineReason(run, object.get()));
            return;
        }
        settlement.markProcessing(run);
        try (LeaseKeeper keeper = new LeaseKeeper(timer, services.runs(), run, worker, config.lease(),
                checkInterval(), services.clock(), services.cancelJobs())) {
            runSteps(run, worker, object.get(), pipeline.get(), keeper);
        }
    }

    private void runSteps(PipelineRun run, String worker, ObjectDocument object, Pipeline pipeline, LeaseKeeper keeper) {
        StringBuilder summary = new StringBuilder();
        for (PipelineStep step : pipeline.steps()) {
            StepRun record = stepRecord(run, step.name());
            if (record.state() == RunState.SUCCEEDED) {
                continue;
            }
            if (keeper.cancelRequested()) {
                settleAndClean(run, worker, object, RunState.CANCELLED, "cancelled before step " + step.name());
                return;
            }
            if (runStep(run, worker, object, step, record, keeper, summary) == Next.STOP) {
                return;
            }
        }
        settleAndClean(run, worker, object, RunState.SUCCEEDED, summary.toString());
    }

    private Next runStep(PipelineRun run, String worker, ObjectDocument object, PipelineStep step, StepRun record,
                         LeaseKeeper keeper, StringBuilder summary) {
        Instant started = services.clock().instant();
        StepLog log = new StepLog(services.clock(), record.log());
        StepRun running = new StepRun(step.name(), RunState.RUNNING, record.attempts() + 1, started, null, "", log.text());
        if (!services.runs().updateStep(run.project(), run.id(), worker, running)) {
            LOG.warn("Run {}: worker {} lost the run before step {}", run.id(), worker, step.name());
            return Next.STOP;
        }
        var context = new RunStepContext(object, new Provenance(run.project(), run.objectId(), run.id()), services.objectStore(),
                workDirectory(run), log, keeper::cancelRequested);
        LiveStepLog live = new LiveStepLog(services.runs(), run.project(), run.id(), worker, running, log);
        keeper.duringStep(live::publish);
        long startNanos = System.nanoTime();
        try {
            StepResult result = runUntilEnded(step, context, keeper, live);
            log.append("step " + step.name() + " " + result.outcome().name().toLowerCase() + " in " + millisSince(startNanos) + " ms"
                    + (result.reason().isBlank() ? "" : ": " + result.reason()));
            return settleStep(run, worker, object, running, log, result, keeper, summary);
        } catch (Exception | LinkageError e) {
            if (StepResult.isBadData(e) && !keeper.cancelRequested()) {
                // Bad data a step let through: trying again cannot help.
                log.append("step " + step.name() + " failed: " + e.getMessage());
                return settleStep(run, worker, object, running, log, StepResult.failed(e.getMessage()), keeper, summary);
            }
            log.append("step " + step.name() + " threw " + e);
            return stepThrew(run, worker, object, running, log, e, keeper);
        }
    }

    /** Runs the step; its live log stops before anything else records how it ended. */
    private static StepResult runUntilEnded(PipelineStep step, RunStepContext context, LeaseKeeper keeper, LiveStepLog live)
            throws Exception {
        try {
            return step.run(context);
        } finally {
            keeper.duringStep(() -> { });
            live.end();
        }
    }

    private Next settleStep(PipelineRun run, String worker, ObjectDocument object, StepRun running, StepLog log,
                            StepResult result, LeaseKeeper keeper, StringBuilder summary) {
        RunState state = switch (result.outcome()) {
            case SUCCEEDED -> RunState.SUCCEEDED;
            case NOT_HANDLED -> RunState.NOT_HANDLED;
            case FAILED -> RunState.FAILED;
        };
        updateStep(run, worker, ended(running, state, result.reason(), log));
        if (state != RunState.SUCCEEDED) {
            settleAndClean(run, worker, object, state, "step " + running.name() + ": " + result.reason());
            return Next.STOP;
        }
        if (!result.reason().isBlank()) {
            summary.append(summary.isEmpty() ? "" : "; ").append(result.reason());
        }
        return keeper.lost() ? Next.STOP : Next.CONTINUE;
    }

    private Next stepThrew(PipelineRun run, String worker, ObjectDocument object, StepRun running, StepLog log, Throwable failure,
                           LeaseKeeper keeper) {
        String reason = "step " + running.name() + " threw " + failure;
        if (keeper.cancelRequested()) {
            updateStep(run, worker, ended(running, RunState.CANCELLED, "cancelled", log));
            settleAndClean(run, worker, object, RunState.CANCELLED, "cancelled during step " + running.name());
            return Next.STOP;
        }
        if (stopping.getAsBoolean()) {
            updateStep(run, worker, new StepRun(running.name(), RunState.QUEUED, running.attempts() - 1, null, null, "", log.text()));
            services.runs().retryLater(run.project(), run.id(), worker, "runner stopped during step " + running.name(), services.clock().instant());
            LOG.info("Run {} handed back to the queue: the runner is stopping", run.id());
            return Next.STOP;
        }
        if (running.attempts() < config.maxAttempts()) {
            Duration wait = config.backoffAfter(running.attempts());
            updateStep(run, worker, new StepRun(running.name(), RunState.QUEUED, running.attempts(), running.startedAt(),
                    services.clock().instant(), reason + "; retrying in " + wait, log.text()));
            services.runs().retryLater(run.project(), run.id(), worker, reason, services.clock().instant().plus(wait));
            LOG.warn("Run {} step {} attempt {} of {} failed, retrying in {}", run.id(), running.name(), running.attempts(),
                    config.maxAttempts(), wait, failure);
            return Next.STOP;
        }
        updateStep(run, worker, ended(running, RunState.FAILED, reason, log));
        settleAndClean(run, worker, object, RunState.FAILED, reason + " (gave up after " + running.attempts() + " attempts)");
        LOG.error("Run {} given up after {} attempts of step {}", run.id(), running.attempts(), running.name(), failure);
        return Next.STOP;
    }

    private StepRun ended(StepRun running, RunState state, String reason, StepLog log) {
        return new StepRun(running.name(), state, running.attempts(), running.startedAt(), services.clock().instant(), reason, log.text());
    }

    private void updateStep(PipelineRun run, String worker, StepRun step) {
        if (!services.runs().updateStep(run.project(), run.id(), worker, step)) {
            LOG.warn("Run {}: worker {} no longer owns it; step {} not recorded as {}", run.id(), worker, step.name(), step.state());
        }
    }

    private void settleAndClean(PipelineRun run, String worker, ObjectDocument object, RunState state, String reason) {
        settlement.settle(run, worker, object, state, reason);
        deleteWorkDirectory(run);
    }

    private static StepRun stepRecord(PipelineRun run, String name) {
        return run.steps().stream().filter(step -> step.name().equals(name)).findFirst().orElse(StepRun.queued(name));
    }

    private static String noPipelineReason(PipelineRun run, ObjectDocument object) {
        return "no pipeline handles content type " + object.contentType()
                + (object.template() == null ? "" : " with template " + object.template())
                + (run.pipeline().equals(org.zonelake.core.process.PipelineNames.NONE) ? "" : " (route names unknown pipeline " + run.pipeline() + ")");
    }

    private Duration checkInterval() {
        Duration third = config.lease().dividedBy(3);
        return third.compareTo(config.pollInterval()) < 0 ? third : config.pollInterval();
    }

    private Path workDirectory(PipelineRun run) {
        return services.workRoot().resolve(run.project()).resolve(run.id());
    }

    private void deleteWorkDirectory(PipelineRun run) {
        Path directory = workDirectory(run);
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(RunExecutor::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Cannot remove the work directory {} of run {}", directory, run.id(), e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Cannot remove {}", path, e);
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
