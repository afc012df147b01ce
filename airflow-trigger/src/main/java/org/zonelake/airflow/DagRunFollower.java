package org.zonelake.airflow;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.process.ObjectStoredEvent;

/**
 * Follows the DAG run of an event until it ends. The event stays in the queue meanwhile, given back to be looked
 * at again after the poll interval: a lake that restarts loses nothing it was following. Once the DAG run is
 * final, it is reflected in the run records and the event is done.
 */
final class DagRunFollower {
    private static final Logger LOG = LoggerFactory.getLogger(DagRunFollower.class);

    private final AirflowClient client;
    private final EventQueue events;
    private final DagRunReflection reflection;
    private final Duration pollInterval;
    private final Clock clock;

    DagRunFollower(AirflowClient client, EventQueue events, DagRunReflection reflection, Duration pollInterval, Clock clock) {
        this.client = requireNonNull(client, "client is null");
        this.events = requireNonNull(events, "events is null");
        this.reflection = requireNonNull(reflection, "reflection is null");
        this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Looks again later at a DAG run in progress; settles a finished one. */
    void follow(ObjectStoredEvent event, DagRun dagRun) {
        if (!dagRun.state().isFinal()) {
            lookAgainLater(event, "DAG run " + dagRun.runId() + " is " + dagRun.state().name().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        reflection.reflect(event, dagRun, () -> client.failureReason(dagRun.dagId(), dagRun.runId())
                .orElse("no task left a reason"));
        events.complete(event.eventId(), clock.instant());
        LOG.info("DAG run {} of object {} ended: {}", dagRun.runId(), event.objectId(), dagRun.state());
    }

    /** The event comes back to the dispatcher after the poll interval, with what it waits for as its note. */
    void lookAgainLater(ObjectStoredEvent event, String waitingFor) {
        events.retryLater(event.eventId(), waitingFor, clock.instant().plus(pollInterval));
    }
}
