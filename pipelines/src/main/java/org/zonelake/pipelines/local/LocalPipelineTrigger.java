package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineTrigger;

/**
 * Hands events to the in-process runner through the durable queue: once enqueued an event survives a crash,
 * and the same event handed over twice is queued once.
 */
public final class LocalPipelineTrigger implements PipelineTrigger {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPipelineTrigger.class);

    private final EventQueue queue;
    private final Runnable wakeUpRunner;
    private final Clock clock;

    /** {@code wakeUpRunner} tells the runner that an event waits, usually {@link LocalPipelineRunner#wakeUp}. */
    public LocalPipelineTrigger(EventQueue queue, Runnable wakeUpRunner, Clock clock) {
        this.queue = requireNonNull(queue, "queue is null");
        this.wakeUpRunner = requireNonNull(wakeUpRunner, "wakeUpRunner is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void objectStored(ObjectStoredEvent event) {
        requireNonNull(event, "event is null");
        if (queue.enqueue(event, clock.instant())) {
            wakeUpRunner.run();
        } else {
            LOG.debug("Event {} is already queued or done", event.eventId());
        }
    }
}
