package org.zonelake.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineTrigger;

/** Remembers the events handed over; can be made to fail. */
final class RecordingTrigger implements PipelineTrigger {
    final List<ObjectStoredEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public synchronized void objectStored(ObjectStoredEvent event) {
        if (failing) {
            throw new LakeException(ErrorCode.INTERNAL, "The process zone is down");
        }
        events.add(event);
        notifyAll();
    }

    /** Waits until at least one event was handed over, or the deadline passed; returns the events so far. */
    synchronized List<ObjectStoredEvent> awaitAny(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (long left = timeout.toMillis(); events.isEmpty() && left > 0; left = Duration.between(Instant.now(), deadline).toMillis()) {
            wait(left);
        }
        return List.copyOf(events);
    }
}
