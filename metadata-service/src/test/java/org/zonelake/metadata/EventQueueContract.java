package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.QueuedEvent;

/** What every {@link EventQueue} must do; extend it once per backend. Instants are whole milliseconds. */
public abstract class EventQueueContract {
    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    protected static final Duration LEASE = Duration.ofMinutes(5);

    protected abstract EventQueue queue();

    @Test
    public void enqueuesTheSameEventOnlyOnce() {
        assertThat(queue().enqueue(event("alpha", 1), T0)).isTrue();
        assertThat(queue().enqueue(event("alpha", 1), T0.plusSeconds(1))).isFalse();
        assertThat(queue().enqueue(event("beta", 1), T0)).isTrue();

        assertThat(queue().backlog()).isEqualTo(2);
    }

    @Test
    public void claimsTheOldestAvailableEventWithEveryField() {
        ObjectStoredEvent older = event("alpha", 1);
        queue().enqueue(event("alpha", 2), T0.plusSeconds(2));
        queue().enqueue(older, T0.plusSeconds(1));

        QueuedEvent claimed = queue().claim("worker-1", LEASE, T0.plusSeconds(10)).orElseThrow();

        assertThat(claimed.event()).isEqualTo(older);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.leaseUntil()).isEqualTo(T0.plusSeconds(10).plus(LEASE));
    }

    @Test
    public void claimsNothingWhenNothingIsDue() {
        assertThat(queue().claim("worker-1", LEASE, T0)).isEmpty();

        queue().enqueue(event("alpha", 1), T0.plusSeconds(10));

        assertThat(queue().claim("worker-1", LEASE, T0.plusSeconds(9))).isEmpty();
        assertThat(queue().claim("worker-1", LEASE, T0.plusSeconds(10))).isPresent();
    }

    @Test
    public void neverHandsALeasedEventToAnotherWorkerBeforeTheLeaseEnds() {
        queue().enqueue(event("alpha", 1), T0);
        queue().claim("worker-1", LEASE, T0);

        assertThat(queue().claim("worker-2", LEASE, T0.plus(LEASE))).isEmpty();
        assertThat(queue().backlog()).isEqualTo(1);
    }

    @Test
    public void handsAnEventAgainOnceItsLeaseHasExpired() {
        queue().enqueue(event("alpha", 1), T0);
        queue().claim("worker-1", LEASE, T0);
        Instant afterLease = T0.plus(LEASE).plusMillis(1);

        QueuedEvent reclaimed = queue().claim("worker-2", LEASE, afterLease).orElseThrow();

        assertThat(reclaimed.event()).isEqualTo(event("alpha", 1));
        assertThat(reclaimed.attempts()).isEqualTo(2);
        assertThat(reclaimed.leaseUntil()).isEqualTo(afterLease.plus(LEASE));
    }

    @Test
    public void completedEventsLeaveTheBacklogAndAreNotEnqueuedAgain() {
        queue().enqueue(event("alpha", 1), T0);
        queue().claim("worker-1", LEASE, T0);

        queue().complete("alpha:1", T0.plusSeconds(1));

        assertThat(queue().backlog()).isZero();
        assertThat(queue().claim("worker-1", LEASE, T0.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(queue().enqueue(event("alpha", 1), T0.plusSeconds(2))).isFalse();
    }

    @Test
    public void retriesAnEventNoEarlierThanAsked() {
        queue().enqueue(event("alpha", 1), T0);
        queue().claim("worker-1", LEASE, T0);

        queue().retryLater("alpha:1", "pipeline unavailable", T0.plusSeconds(60));

        assertThat(queue().backlog()).isEqualTo(1);
        assertThat(queue().claim("worker-2", LEASE, T0.plusSeconds(59))).isEmpty();
        QueuedEvent retried = queue().claim("worker-2", LEASE, T0.plusSeconds(60)).orElseThrow();
        assertThat(retried.attempts()).isEqualTo(2);
    }

    @Test
    public void failedEventsLeaveTheBacklogForGood() {
        queue().enqueue(event("alpha", 1), T0);
        queue().claim("worker-1", LEASE, T0);

        queue().fail("alpha:1", "gave up after 5 attempts", T0.plusSeconds(1));

        assertThat(queue().backlog()).isZero();
        assertThat(queue().claim("worker-1", LEASE, T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    public void twoWorkersNeverClaimTheSameEvent() throws Exception {
        int events = 100;
        for (int i = 0; i < events; i++) {
            queue().enqueue(event("alpha", i), T0.plusMillis(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String worker = "worker-" + w;
                workers.add(() -> drain(worker));
            }
            List<String> claimed = new ArrayList<>();
            for (Future<List<String>> result : pool.invokeAll(workers, 60, TimeUnit.SECONDS)) {
                claimed.addAll(result.get());
            }

            assertThat(claimed).hasSize(events).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> drain(String worker) {
        List<String> claimed = new ArrayList<>();
        Instant now = T0.plusSeconds(1);
        for (Optional<QueuedEvent> next = queue().claim(worker, LEASE, now); next.isPresent(); next = queue().claim(worker, LEASE, now)) {
            claimed.add(next.get().event().eventId());
        }
        return claimed;
    }

    protected static ObjectStoredEvent event(String project, long objectId) {
        return new ObjectStoredEvent(project, objectId, "obj-" + objectId, "text/csv", 1234, "ab".repeat(32), "survey", "alice",
                T0.minusSeconds(1));
    }
}
