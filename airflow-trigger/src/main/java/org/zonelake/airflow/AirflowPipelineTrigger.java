package org.zonelake.airflow;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineTrigger;

/**
 * Hands events to Airflow through the durable queue: the caller returns once the event is queued, whether Airflow
 * answers or not, and {@link AirflowDispatcher} turns it into a DAG run. The same event twice is queued once.
 */
public final class AirflowPipelineTrigger implements PipelineTrigger {
    private static final Logger LOG = LoggerFactory.getLogger(AirflowPipelineTrigger.class);

    private final EventQueue queue;
    private final Runnable wakeUpDispatcher;
    private final Clock clock;

    /** {@code wakeUpDispatcher} tells the dispatcher that an event waits, usually {@link AirflowDispatcher#wakeUp}. */
    public AirflowPipelineTrigger(EventQueue queue, Runnable wakeUpDispatcher, Clock clock) {
        this.queue = requireNonNull(queue, "queue is null");
        this.wakeUpDispatcher = requireNonNull(wakeUpDispatcher, "wakeUpDispatcher is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void objectStored(ObjectStoredEvent event) {
        requireNonNull(event, "event is null");
        if (queue.enqueue(event, clock.instant())) {
            wakeUpDispatcher.run();
        } else {
            LOG.debug("Event {} is already queued or done", event.eventId());
        }
    }
}
