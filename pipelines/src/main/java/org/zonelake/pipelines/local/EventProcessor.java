package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.metadata.UploadRepository;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.QueuedEvent;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepResult;

/**
 * Runs the steps for one claimed event and settles it: the upload's state, a failed operation on the object
 * when a step did not succeed, and the event's place in the queue. If the bookkeeping itself fails, the
 * exception leaves the event leased, and it is handed out again when the lease runs out.
 */
final class EventProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(EventProcessor.class);

    private final EventQueue queue;
    private final ObjectRepository objects;
    private final UploadRepository uploads;
    private final List<PipelineStep> steps;
    private final LocalRunnerConfig config;
    private final Clock clock;
    private final BooleanSupplier stopping;

    EventProcessor(EventQueue queue, ObjectRepository objects, UploadRepository uploads, List<PipelineStep> steps,
                   LocalRunnerConfig config, Clock clock, BooleanSupplier stopping) {
        this.queue = requireNonNull(queue, "queue is null");
        this.objects = requireNonNull(objects, "objects is null");
        this.uploads = requireNonNull(uploads, "uploads is null");
        this.steps = List.copyOf(requireNonNull(steps, "steps is null"));
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.stopping = requireNonNull(stopping, "stopping is null");
    }

    void process(QueuedEvent claimed) {
        ObjectStoredEvent event = claimed.event();
        long started = System.nanoTime();
        setUploadState(event, UploadState.PROCESSING, null);
        for (PipelineStep step : steps) {
            StepResult result;
            try {
                result = step.run(event);
            } catch (RuntimeException e) {
                settleThrown(claimed, step, e);
                return;
            }
            if (!result.isSuccess()) {
                settleUnsuccessful(claimed, step, result, started);
                return;
            }
        }
        setUploadState(event, UploadState.PROCESSED, null);
        queue.complete(event.eventId(), clock.instant());
        LOG.info("Event {} processed by {} step(s) at attempt {} in {} ms", event.eventId(), steps.size(), claimed.attempts(), millisSince(started));
    }

    private void settleUnsuccessful(QueuedEvent claimed, PipelineStep step, StepResult result, long started) {
        ObjectStoredEvent event = claimed.event();
        String reason = "Step " + step.name() + ": " + result.reason();
        recordFailedOperation(event, step, result.reason());
        if (result.outcome() == StepResult.Outcome.NOT_HANDLED) {
            setUploadState(event, UploadState.NOT_HANDLED, reason);
            queue.complete(event.eventId(), clock.instant());
            LOG.info("Event {} not handled at attempt {} in {} ms: {}", event.eventId(), claimed.attempts(), millisSince(started), reason);
        } else {
            setUploadState(event, UploadState.FAILED, reason);
            queue.fail(event.eventId(), reason, clock.instant());
            LOG.warn("Event {} failed at attempt {} in {} ms: {}", event.eventId(), claimed.attempts(), millisSince(started), reason);
        }
    }

    private void settleThrown(QueuedEvent claimed, PipelineStep step, RuntimeException failure) {
        ObjectStoredEvent event = claimed.event();
        if (stopping.getAsBoolean()) {
            handBack(event, failure);
            return;
        }
        String reason = "Step " + step.name() + " threw " + failure;
        if (claimed.attempts() < config.maxAttempts()) {
            Duration wait = config.backoffAfter(claimed.attempts());
            queue.retryLater(event.eventId(), reason, clock.instant().plus(wait));
            LOG.warn("Event {} attempt {} of {} failed, retrying in {}: {}", event.eventId(), claimed.attempts(), config.maxAttempts(), wait, reason, failure);
            return;
        }
        recordFailedOperation(event, step, reason);
        setUploadState(event, UploadState.FAILED, reason);
        queue.fail(event.eventId(), reason, clock.instant());
        LOG.error("Event {} given up after {} attempts: {}", event.eventId(), claimed.attempts(), reason, failure);
    }

    /** A step interrupted by shutdown did not fail: the event goes back to be taken up at once by the next runner. */
    private void handBack(ObjectStoredEvent event, RuntimeException failure) {
        boolean interrupted = Thread.interrupted();
        try {
            queue.retryLater(event.eventId(), "runner stopped during processing", clock.instant());
            LOG.info("Event {} handed back to the queue: the runner is stopping ({})", event.eventId(), failure.toString());
        } catch (RuntimeException e) {
            LOG.info("Event {} stays leased until its lease runs out: the runner is stopping", event.eventId(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void recordFailedOperation(ObjectStoredEvent event, PipelineStep step, String reason) {
        Operation operation = new Operation(step.name(), clock.instant(), reason, event.eventId());
        try {
            objects.appendOperation(event.project(), event.objectId(), operation, false);
        } catch (LakeException e) {
            if (e.code() != ErrorCode.OBJECT_NOT_FOUND) {
                throw e;
            }
            LOG.debug("Object of event {} is gone; its failed operation is not recorded", event.eventId());
        }
    }

    private void setUploadState(ObjectStoredEvent event, UploadState state, String reason) {
        uploads.updateStateByObject(event.project(), event.objectId(), state, reason, clock.instant());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
