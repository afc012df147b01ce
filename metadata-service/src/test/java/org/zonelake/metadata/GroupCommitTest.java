package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    private final AtomicInteger commits = new AtomicInteger();
    private final CountDownLatch firstCommitStarted = new CountDownLatch(1);
    private final CountDownLatch firstCommitMayEnd = new CountDownLatch(1);
    private final GroupCommit barrier = new GroupCommit(this::commitHoldingTheFirst);

    @Test
    void callersArrivingDuringACommitShareTheNextOne() throws Exception {
        Thread first = start(barrier::await);
        firstCommitStarted.await(10, TimeUnit.SECONDS);
        List<Thread> later = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            later.add(start(barrier::await));
        }
        awaitTrue(() -> later.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING));

        firstCommitMayEnd.countDown();
        first.join(10_000);
        for (Thread thread : later) {
            thread.join(10_000);
        }

        assertThat(later).noneMatch(Thread::isAlive);
        assertThat(commits.get()).isEqualTo(2);
    }

    @Test
    void aCallerDuringACommitWaitsForACommitThatStartsAfterIt() throws Exception {
        start(barrier::await);
        firstCommitStarted.await(10, TimeUnit.SECONDS);
        AtomicInteger commitsSeen = new AtomicInteger(-1);
        Thread later = start(() -> {
            barrier.await();
            commitsSeen.set(commits.get());
        });
        awaitTrue(() -> later.getState() == Thread.State.WAITING);

        firstCommitMayEnd.countDown();
        later.join(10_000);

        assertThat(commitsSeen.get()).isEqualTo(2);
    }

    @Test
    void aFailedCommitFailsItsCallerAndTheNextCallerCommitsAgain() {
        AtomicInteger attempts = new AtomicInteger();
        GroupCommit failingOnce = new GroupCommit(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        });

        assertThatThrownBy(failingOnce::await).hasMessage("disk full");
        failingOnce.await();

        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void anInterruptedCallerStillWaitsForItsCommitAndKeepsTheInterrupt() throws Exception {
        start(barrier::await);
        firstCommitStarted.await(10, TimeUnit.SECONDS);
        AtomicBoolean interruptKept = new AtomicBoolean();
        AtomicInteger commitsSeen = new AtomicInteger(-1);
        Thread later = start(() -> {
            barrier.await();
            commitsSeen.set(commits.get());
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        awaitTrue(() -> later.getState() == Thread.State.WAITING);

        later.interrupt();
        awaitTrue(() -> later.getState() == Thread.State.WAITING);
        firstCommitMayEnd.countDown();
        later.join(10_000);

        assertThat(commitsSeen.get()).isEqualTo(2);
        assertThat(interruptKept).isTrue();
    }

    private void commitHoldingTheFirst() {
        if (commits.incrementAndGet() == 1) {
            firstCommitStarted.countDown();
            try {
                firstCommitMayEnd.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread start(Runnable caller) {
        Thread thread = new Thread(caller, "group-commit-caller");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
