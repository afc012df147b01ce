package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.QueuedEvent;
import org.zonelake.pipelines.Pipeline;

/**
 * Turns an "object stored" event into a queued run of the pipeline its route names. The run id is derived from
 * the object and the pipeline, so an event delivered twice queues one run. A failure to route (the metadata or
 * raw zone briefly unreachable) gives the event back with backoff.
 */
final class RunDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RunDispatcher.class);

    private final RunnerServices services;
    private final LocalRunnerConfig config;

    RunDispatcher(RunnerServices services, LocalRunnerConfig config) {
        this.services = requireNonNull(services, "services is null");
        this.config = requireNonNull(config, "config is null");
    }

    void dispatch(QueuedEvent claimed) {
        ObjectStoredEvent event = claimed.event();
        try {
            queueRun(event);
            services.events().complete(event.eventId(), services.clock().instant());
        } catch (RuntimeException e) {
            retryOrGiveUp(claimed, e);
        }
    }

    private void queueRun(ObjectStoredEvent event) {
        queueRun(event.project(), event.objectId(), null);
    }

    /**
     * Queues the run of the object's routed pipeline, or of {@code pipeline} if not null, unless it exists; the id of
     * that run, or empty when the object is gone or going.
     */
    Optional<String> queueRun(String project, long objectId, String pipeline) {
        Optional<ObjectDocument> object = services.objects().find(project, objectId);
        if (object.isEmpty() || object.get().status() != ObjectStatus.STORED) {
            LOG.debug("Object {} of project {} is gone or going; no run", objectId, project);
            return Optional.empty();
        }
        String chosen = pipeline != null ? pipeline : services.router().pipelineFor(object.get());
        List<String> steps = services.pipelines().find(chosen).map(Pipeline::stepNames).orElse(List.of());
        PipelineRun run = PipelineRun.queued(project, objectId, chosen, steps, services.clock().instant());
        if (services.runs().create(run)) {
            LOG.info("Object {} ({}) routed to pipeline {}: run {} queued", objectId, object.get().contentType(), chosen, run.id());
        }
        return Optional.of(run.id());
    }

    private void retryOrGiveUp(QueuedEvent claimed, RuntimeException failure) {
        ObjectStoredEvent event = claimed.event();
        String reason = "routing failed: " + failure;
        if (claimed.attempts() < config.maxAttempts()) {
            Duration wait = config.backoffAfter(claimed.attempts());
            services.events().retryLater(event.eventId(), reason, services.clock().instant().plus(wait));
            LOG.warn("Event {} attempt {} failed, retrying in {}", event.eventId(), claimed.attempts(), wait, failure);
        } else {
            services.events().fail(event.eventId(), reason, services.clock().instant());
            LOG.error("Event {} given up after {} attempts", event.eventId(), claimed.attempts(), failure);
        }
    }
}
