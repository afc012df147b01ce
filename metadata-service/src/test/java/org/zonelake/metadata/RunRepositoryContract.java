package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunQuery;
import org.zonelake.core.process.RunRepository;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;

/** What every {@link RunRepository} must do as a store and as a work queue; extend it once per backend. Instants are whole milliseconds. */
public abstract class RunRepositoryContract {
    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    protected static final Duration LEASE = Duration.ofMinutes(5);
    protected static final String PROJECT = "alpha";
    protected static final List<String> STEPS = List.of("parse", "load", "profile");

    protected abstract RunRepository repository();

    @Test
    public void findsARunExactlyAsCreated() {
        PipelineRun run = new PipelineRun("7-sql-tabular", PROJECT, 7, "sql-tabular", RunState.FAILED, 2, T0, T0.plusSeconds(1),
                T0.plusSeconds(9), "load failed",
                List.of(new StepRun("parse", RunState.SUCCEEDED, 1, T0.plusSeconds(1), T0.plusSeconds(2), null, "12 rows\n"),
                        new StepRun("load", RunState.FAILED, 2, T0.plusSeconds(3), T0.plusSeconds(9), "table locked", "retrying\n"),
                        StepRun.queued("profile")),
                "load", true, "worker-1", T0.plusSeconds(300), T0);

        assertThat(repository().create(run)).isTrue();

        assertThat(repository().find(PROJECT, "7-sql-tabular")).contains(run);
    }

    @Test
    public void createsARunOnlyOncePerProject() {
        assertThat(repository().create(queued(PROJECT, 1, T0))).isTrue();
        assertThat(repository().create(queued(PROJECT, 1, T0.plusSeconds(1)))).isFalse();
        assertThat(repository().create(queued("beta", 1, T0))).isTrue();

        assertThat(repository().find(PROJECT, "1-json").orElseThrow().queuedAt()).isEqualTo(T0);
        assertThat(repository().backlog()).isEqualTo(2);
    }

    @Test
    public void findsNothingForAnUnknownRunOrAnotherProject() {
        repository().create(queued(PROJECT, 1, T0));

        assertThat(repository().find(PROJECT, "2-json")).isEmpty();
        assertThat(repository().find("beta", "1-json")).isEmpty();
    }

    @Test
    public void claimsTheOldestDueRunAndHandsItToTheWorker() {
        repository().create(queued(PROJECT, 2, T0.plusSeconds(2)));
        repository().create(queued(PROJECT, 1, T0.plusSeconds(1)));
        Instant now = T0.plusSeconds(10);

        PipelineRun claimed = repository().claim("worker-1", LEASE, now).orElseThrow();

        assertThat(claimed.id()).isEqualTo("1-json");
        assertThat(claimed.state()).isEqualTo(RunState.RUNNING);
        assertThat(claimed.worker()).isEqualTo("worker-1");
        assertThat(claimed.leaseUntil()).isEqualTo(now.plus(LEASE));
        assertThat(claimed.startedAt()).isEqualTo(now);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.steps()).extracting(StepRun::state).containsOnly(RunState.QUEUED);
        assertThat(repository().find(PROJECT, "1-json")).contains(claimed);
    }

    @Test
    public void claimsNothingBeforeARunIsDue() {
        assertThat(repository().claim("worker-1", LEASE, T0)).isEmpty();

        repository().create(queued(PROJECT, 1, T0.plusSeconds(10)));

        assertThat(repository().claim("worker-1", LEASE, T0.plusSeconds(9))).isEmpty();
        assertThat(repository().claim("worker-1", LEASE, T0.plusSeconds(10))).isPresent();
    }

    @Test
    public void neverHandsARunningRunToAnotherWorkerBeforeItsLeaseEnds() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);

        assertThat(repository().claim("worker-2", LEASE, T0.plus(LEASE))).isEmpty();
        assertThat(repository().backlog()).isEqualTo(1);
    }

    @Test
    public void handsARunAgainOnceItsLeaseExpiredAndCountsTheAttempt() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);
        Instant afterLease = T0.plus(LEASE).plusMillis(1);

        PipelineRun reclaimed = repository().claim("worker-2", LEASE, afterLease).orElseThrow();

        assertThat(reclaimed.id()).isEqualTo("1-json");
        assertThat(reclaimed.worker()).isEqualTo("worker-2");
        assertThat(reclaimed.attempts()).isEqualTo(2);
        assertThat(reclaimed.leaseUntil()).isEqualTo(afterLease.plus(LEASE));
        assertThat(reclaimed.startedAt()).isEqualTo(afterLease);
    }

    @Test
    public void claimsAGivenRunAheadOfOlderOnesAndBeforeItIsDue() {
        repository().create(queued(PROJECT, 1, T0));
        repository().create(queued(PROJECT, 2, T0.plusSeconds(60)));

        PipelineRun claimed = repository().claim(PROJECT, "2-json", "job-1", LEASE, T0).orElseThrow();

        assertThat(claimed.id()).isEqualTo("2-json");
        assertThat(claimed.state()).isEqualTo(RunState.RUNNING);
        assertThat(claimed.worker()).isEqualTo("job-1");
        assertThat(claimed.leaseUntil()).isEqualTo(T0.plus(LEASE));
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(repository().find(PROJECT, "1-json").orElseThrow().state()).isEqualTo(RunState.QUEUED);
    }

    @Test
    public void claimsAGivenRunHeldByAnotherWorkerOnlyOnceItsLeaseExpired() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);

        assertThat(repository().claim(PROJECT, "1-json", "job-1", LEASE, T0.plus(LEASE))).isEmpty();
        PipelineRun reclaimed = repository().claim(PROJECT, "1-json", "job-1", LEASE, T0.plus(LEASE).plusMillis(1)).orElseThrow();
        assertThat(reclaimed.worker()).isEqualTo("job-1");
        assertThat(reclaimed.attempts()).isEqualTo(2);
    }

    @Test
    public void claimsNoGivenRunThatIsFinalUnknownOrOfAnotherProject() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim(PROJECT, "1-json", "job-1", LEASE, T0);
        repository().finish(PROJECT, "1-json", "job-1", RunState.SUCCEEDED, "done", T0);

        assertThat(repository().claim(PROJECT, "1-json", "job-2", LEASE, T0)).isEmpty();
        assertThat(repository().claim(PROJECT, "2-json", "job-2", LEASE, T0)).isEmpty();
        repository().create(queued("beta", 3, T0));
        assertThat(repository().claim(PROJECT, "3-json", "job-2", LEASE, T0)).isEmpty();
    }

    @Test
    public void aWorkerThatLostItsLeaseChangesNothing() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);
        Instant later = T0.plus(LEASE).plusSeconds(1);
        PipelineRun reclaimed = repository().claim("worker-2", LEASE, later).orElseThrow();

        assertThat(repository().updateStep(PROJECT, "1-json", "worker-1", step("parse", RunState.SUCCEEDED))).isFalse();
        assertThat(repository().renewLease(PROJECT, "1-json", "worker-1", later.plus(LEASE))).isFalse();
        assertThat(repository().retryLater(PROJECT, "1-json", "worker-1", "busy", later)).isFalse();
        assertThat(repository().finish(PROJECT, "1-json", "worker-1", RunState.SUCCEEDED, null, later)).isFalse();

        assertThat(repository().find(PROJECT, "1-json")).contains(reclaimed);
    }

    @Test
    public void aRenewedLeaseKeepsTheRunFromOtherWorkers() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);

        assertThat(repository().renewLease(PROJECT, "1-json", "worker-1", T0.plus(LEASE.multipliedBy(2)))).isTrue();

        assertThat(repository().claim("worker-2", LEASE, T0.plus(LEASE).plusSeconds(1))).isEmpty();
        assertThat(repository().find(PROJECT, "1-json").orElseThrow().leaseUntil()).isEqualTo(T0.plus(LEASE.multipliedBy(2)));
        assertThat(repository().claim("worker-2", LEASE, T0.plus(LEASE.multipliedBy(2)).plusMillis(1))).isPresent();
    }

    @Test
    public void replacesTheStepOfTheSameNameInPlace() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);
        StepRun parsed = new StepRun("parse", RunState.SUCCEEDED, 1, T0, T0.plusSeconds(2), null, "read 12 rows\n");
        StepRun loading = new StepRun("load", RunState.RUNNING, 1, T0.plusSeconds(2), null, null, "");

        assertThat(repository().updateStep(PROJECT, "1-json", "worker-1", parsed)).isTrue();
        assertThat(repository().updateStep(PROJECT, "1-json", "worker-1", loading)).isTrue();

        assertThat(repository().find(PROJECT, "1-json").orElseThrow().steps()).containsExactly(parsed, loading, StepRun.queued("profile"));
    }

    @Test
    public void appendsAStepTheRunDoesNotListYet() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);
        StepRun extra = step("unpack", RunState.SUCCEEDED);

        assertThat(repository().updateStep(PROJECT, "1-json", "worker-1", extra)).isTrue();

        assertThat(repository().find(PROJECT, "1-json").orElseThrow().steps()).extracting(StepRun::name)
                .containsExactly("parse", "load", "profile", "unpack");
    }

    @Test
    public void onlyTheOwningWorkerOfARunningRunUpdatesItsSteps() {
        repository().create(queued(PROJECT, 1, T0));

        assertThat(repository().updateStep(PROJECT, "1-json", "worker-1", step("parse", RunState.RUNNING))).isFalse();
        repository().claim("worker-1", LEASE, T0);
        assertThat(repository().updateStep(PROJECT, "1-json", "worker-2", step("parse", RunState.RUNNING))).isFalse();
        assertThat(repository().updateStep(PROJECT, "2-json", "worker-1", step("parse", RunState.RUNNING))).isFalse();

        assertThat(repository().find(PROJECT, "1-json").orElseThrow().steps()).extracting(StepRun::state).containsOnly(RunState.QUEUED);
    }

    @Test
    public void settlesAFinishedRunForGood() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);

        assertThat(repository().finish(PROJECT, "1-json", "worker-1", RunState.NOT_HANDLED, "no rows", T0.plusSeconds(5))).isTrue();

        PipelineRun finished = repository().find(PROJECT, "1-json").orElseThrow();
        assertThat(finished.state()).isEqualTo(RunState.NOT_HANDLED);
        assertThat(finished.reason()).isEqualTo("no rows");
        assertThat(finished.endedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(finished.worker()).isEqualTo("worker-1");
        assertThat(repository().backlog()).isZero();
        assertThat(repository().claim("worker-2", LEASE, T0.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(repository().finish(PROJECT, "1-json", "worker-1", RunState.FAILED, "again", T0.plusSeconds(6))).isFalse();
    }

    @Test
    public void refusesToFinishARunInAStateThatIsNotFinal() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);

        assertThatThrownBy(() -> repository().finish(PROJECT, "1-json", "worker-1", RunState.QUEUED, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(repository().find(PROJECT, "1-json").orElseThrow().state()).isEqualTo(RunState.RUNNING);
    }

    @Test
    public void retriesARunNoEarlierThanAsked() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);

        assertThat(repository().retryLater(PROJECT, "1-json", "worker-1", "timeseries zone unavailable", T0.plusSeconds(60))).isTrue();

        PipelineRun waiting = repository().find(PROJECT, "1-json").orElseThrow();
        assertThat(waiting.state()).isEqualTo(RunState.QUEUED);
        assertThat(waiting.notBefore()).isEqualTo(T0.plusSeconds(60));
        assertThat(waiting.reason()).isEqualTo("timeseries zone unavailable");
        assertThat(waiting.worker()).isNull();
        assertThat(repository().backlog()).isEqualTo(1);
        assertThat(repository().claim("worker-2", LEASE, T0.plusSeconds(59))).isEmpty();
        PipelineRun retried = repository().claim("worker-2", LEASE, T0.plusSeconds(60)).orElseThrow();
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.worker()).isEqualTo("worker-2");
    }

    @Test
    public void cancelsAQueuedRunAtOnceAndNeverHandsItOut() {
        repository().create(queued(PROJECT, 1, T0));

        assertThat(repository().requestCancel(PROJECT, "1-json", T0.plusSeconds(3))).isTrue();

        PipelineRun cancelled = repository().find(PROJECT, "1-json").orElseThrow();
        assertThat(cancelled.state()).isEqualTo(RunState.CANCELLED);
        assertThat(cancelled.endedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(repository().claim("worker-1", LEASE, T0.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(repository().backlog()).isZero();
    }

    @Test
    public void asksTheWorkerOfARunningRunToStop() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);

        assertThat(repository().requestCancel(PROJECT, "1-json", T0.plusSeconds(3))).isTrue();

        PipelineRun running = repository().find(PROJECT, "1-json").orElseThrow();
        assertThat(running.state()).isEqualTo(RunState.RUNNING);
        assertThat(running.cancelRequested()).isTrue();
        assertThat(repository().finish(PROJECT, "1-json", "worker-1", RunState.CANCELLED, "cancelled", T0.plusSeconds(4))).isTrue();
        assertThat(repository().find(PROJECT, "1-json").orElseThrow().state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    public void refusesToCancelAFinalOrUnknownRun() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);
        repository().finish(PROJECT, "1-json", "worker-1", RunState.SUCCEEDED, null, T0.plusSeconds(1));

        assertThat(repository().requestCancel(PROJECT, "1-json", T0.plusSeconds(2))).isFalse();
        assertThat(repository().requestCancel(PROJECT, "2-json", T0.plusSeconds(2))).isFalse();
        assertThat(repository().requestCancel("beta", "1-json", T0.plusSeconds(2))).isFalse();

        PipelineRun succeeded = repository().find(PROJECT, "1-json").orElseThrow();
        assertThat(succeeded.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(succeeded.cancelRequested()).isFalse();
    }

    @Test
    public void redoesAWholeRunResettingEveryStepButKeepingTheirAttempts() {
        failedAtLoad(1);

        assertThat(repository().requestRedo(PROJECT, "1-json", null, T0.plusSeconds(100))).isTrue();

        PipelineRun redone = repository().find(PROJECT, "1-json").orElseThrow();
        assertThat(redone.state()).isEqualTo(RunState.QUEUED);
        assertThat(redone.notBefore()).isEqualTo(T0.plusSeconds(100));
        assertThat(redone.queuedAt()).as("a redo is queued anew").isEqualTo(T0.plusSeconds(100));
        assertThat(redone.redoFromStep()).isNull();
        assertThat(redone.reason()).isEmpty();
        assertThat(redone.endedAt()).isNull();
        assertThat(redone.attempts()).isEqualTo(1);
        assertThat(redone.steps()).containsExactly(new StepRun("parse", RunState.QUEUED, 1, null, null, "", ""),
                new StepRun("load", RunState.QUEUED, 1, null, null, "", ""), StepRun.queued("profile"));
        assertThat(repository().backlog()).isEqualTo(1);
        assertThat(repository().claim("worker-2", LEASE, T0.plusSeconds(100)).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    public void redoesARunFromOneStepKeepingTheStepsBeforeIt() {
        failedAtLoad(1);
        StepRun parsed = repository().find(PROJECT, "1-json").orElseThrow().steps().get(0);

        assertThat(repository().requestRedo(PROJECT, "1-json", "load", T0.plusSeconds(100))).isTrue();

        PipelineRun redone = repository().find(PROJECT, "1-json").orElseThrow();
        assertThat(redone.redoFromStep()).isEqualTo("load");
        assertThat(redone.steps()).containsExactly(parsed, new StepRun("load", RunState.QUEUED, 1, null, null, "", ""),
                StepRun.queued("profile"));
    }

    @Test
    public void redoClearsTheCancelRequest() {
        repository().create(queued(PROJECT, 1, T0));
        repository().claim("worker-1", LEASE, T0);
        repository().requestCancel(PROJECT, "1-json", T0.plusSeconds(1));
        repository().finish(PROJECT, "1-json", "worker-1", RunState.CANCELLED, "cancelled", T0.plusSeconds(2));

        assertThat(repository().requestRedo(PROJECT, "1-json", null, T0.plusSeconds(3))).isTrue();

        PipelineRun redone = repository().find(PROJECT, "1-json").orElseThrow();
        assertThat(redone.cancelRequested()).isFalse();
        assertThat(redone.worker()).isNull();
        assertThat(redone.leaseUntil()).isNull();
        assertThat(repository().claim("worker-2", LEASE, T0.plusSeconds(3))).isPresent();
    }

    @Test
    public void refusesToRedoAQueuedRunningOrUnknownRun() {
        repository().create(queued(PROJECT, 1, T0));
        repository().create(queued(PROJECT, 2, T0.plusSeconds(1)));
        PipelineRun running = repository().claim("worker-1", LEASE, T0.plusSeconds(2)).orElseThrow();

        assertThat(repository().requestRedo(PROJECT, "1-json", null, T0.plusSeconds(3))).isFalse();
        assertThat(repository().requestRedo(PROJECT, "2-json", "parse", T0.plusSeconds(3))).isFalse();
        assertThat(repository().requestRedo(PROJECT, "3-json", null, T0.plusSeconds(3))).isFalse();

        assertThat(repository().find(PROJECT, "1-json")).contains(running);
        assertThat(repository().find(PROJECT, "2-json").orElseThrow().notBefore()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    public void refusesToRedoFromAStepTheRunDoesNotHave() {
        failedAtLoad(1);

        assertThatThrownBy(() -> repository().requestRedo(PROJECT, "1-json", "transcode", T0.plusSeconds(100)))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        assertThat(repository().find(PROJECT, "1-json").orElseThrow().state()).isEqualTo(RunState.FAILED);
    }

    @Test
    public void countsQueuedAndRunningRunsAsBacklog() {
        for (int objectId = 1; objectId <= 4; objectId++) {
            repository().create(queued(PROJECT, objectId, T0.plusSeconds(objectId)));
        }
        repository().claim("worker-1", LEASE, T0.plusSeconds(10));
        repository().claim("worker-1", LEASE, T0.plusSeconds(10));
        repository().finish(PROJECT, "2-json", "worker-1", RunState.SUCCEEDED, null, T0.plusSeconds(11));
        repository().requestCancel(PROJECT, "4-json", T0.plusSeconds(11));

        assertThat(repository().backlog()).isEqualTo(2);
    }

    @Test
    public void listsAProjectsRunsNewestFirstInPages() {
        for (int objectId = 1; objectId <= 5; objectId++) {
            repository().create(queued(PROJECT, objectId, T0.plusSeconds(objectId)));
        }
        repository().create(queued("beta", 9, T0.plusSeconds(9)));

        Page<PipelineRun> first = repository().list(new RunQuery(PROJECT, null, null, null, 2));
        Page<PipelineRun> second = repository().list(new RunQuery(PROJECT, null, null, first.nextCursor(), 2));
        Page<PipelineRun> last = repository().list(new RunQuery(PROJECT, null, null, second.nextCursor(), 2));

        assertThat(first.items()).extracting(PipelineRun::id).containsExactly("5-json", "4-json");
        assertThat(second.items()).extracting(PipelineRun::id).containsExactly("3-json", "2-json");
        assertThat(last.items()).extracting(PipelineRun::id).containsExactly("1-json");
        assertThat(last.nextCursor()).isNull();
        assertThat(repository().list(new RunQuery("gamma", null, null, null, 10)).items()).isEmpty();
    }

    @Test
    public void ordersRunsQueuedAtTheSameInstantByIdAcrossPages() {
        for (String pipeline : List.of("json", "graph-image", "sql-tabular", "unpack-archive")) {
            repository().create(PipelineRun.queued(PROJECT, 1, pipeline, STEPS, T0));
        }

        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<PipelineRun> page = repository().list(new RunQuery(PROJECT, null, null, cursor, 3));
            page.items().forEach(run -> ids.add(run.id()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(ids).containsExactly("1-unpack-archive", "1-sql-tabular", "1-json", "1-graph-image");
    }

    @Test
    public void pagesNeitherRepeatNorSkipRunsQueuedWhileListing() {
        for (int objectId = 1; objectId <= 4; objectId++) {
            repository().create(queued(PROJECT, objectId, T0.plusSeconds(objectId)));
        }
        Page<PipelineRun> first = repository().list(new RunQuery(PROJECT, null, null, null, 2));

        repository().create(queued(PROJECT, 5, T0.plusSeconds(5)));
        Page<PipelineRun> second = repository().list(new RunQuery(PROJECT, null, null, first.nextCursor(), 2));

        assertThat(second.items()).extracting(PipelineRun::id).containsExactly("2-json", "1-json");
    }

    @Test
    public void filtersTheListByObjectAndByState() {
        repository().create(PipelineRun.queued(PROJECT, 1, "json", STEPS, T0));
        repository().create(PipelineRun.queued(PROJECT, 1, "timeseries-json", STEPS, T0.plusSeconds(1)));
        repository().create(queued(PROJECT, 2, T0.plusSeconds(2)));
        repository().create(queued("beta", 1, T0.plusSeconds(3)));
        repository().claim("worker-1", LEASE, T0.plusSeconds(5));

        assertThat(repository().list(new RunQuery(PROJECT, 1L, null, null, 10)).items()).extracting(PipelineRun::id)
                .containsExactly("1-timeseries-json", "1-json");
        assertThat(repository().list(new RunQuery(PROJECT, null, RunState.QUEUED, null, 10)).items()).extracting(PipelineRun::id)
                .containsExactly("2-json", "1-timeseries-json");
        assertThat(repository().list(new RunQuery(PROJECT, 1L, RunState.RUNNING, null, 10)).items()).extracting(PipelineRun::id)
                .containsExactly("1-json");
        assertThat(repository().list(new RunQuery(PROJECT, 2L, RunState.RUNNING, null, 10)).items()).isEmpty();
    }

    @Test
    public void refusesAnInvalidCursor() {
        repository().create(queued(PROJECT, 1, T0));

        assertThatThrownBy(() -> repository().list(new RunQuery(PROJECT, null, null, "not a cursor", 10)))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
    }

    @Test
    public void concurrentWorkersClaimEveryRunExactlyOnce() throws Exception {
        int runs = 200;
        for (int objectId = 0; objectId < runs; objectId++) {
            repository().create(queued(PROJECT, objectId, T0.plusMillis(objectId)));
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

            assertThat(claimed).hasSize(runs).doesNotHaveDuplicates();
            assertThat(repository().find(PROJECT, "0-json").orElseThrow().attempts()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> drain(String worker) {
        List<String> claimed = new ArrayList<>();
        Instant now = T0.plusSeconds(1);
        for (Optional<PipelineRun> next = repository().claim(worker, LEASE, now); next.isPresent(); next = repository().claim(worker, LEASE, now)) {
            claimed.add(next.get().id());
            repository().finish(PROJECT, next.get().id(), worker, RunState.SUCCEEDED, null, now);
        }
        return claimed;
    }

    /** A run of object {@code objectId} claimed once at T0, whose parse succeeded and whose load failed. */
    private void failedAtLoad(long objectId) {
        String id = PipelineRun.idOf(objectId, "json");
        repository().create(queued(PROJECT, objectId, T0));
        repository().claim("worker-1", LEASE, T0);
        repository().updateStep(PROJECT, id, "worker-1", new StepRun("parse", RunState.SUCCEEDED, 1, T0, T0.plusSeconds(1), null, "12 rows\n"));
        repository().updateStep(PROJECT, id, "worker-1",
                new StepRun("load", RunState.FAILED, 1, T0.plusSeconds(1), T0.plusSeconds(2), "table locked", "locked\n"));
        repository().finish(PROJECT, id, "worker-1", RunState.FAILED, "load failed", T0.plusSeconds(2));
    }

    protected static PipelineRun queued(String project, long objectId, Instant at) {
        return PipelineRun.queued(project, objectId, "json", STEPS, at);
    }

    protected static StepRun step(String name, RunState state) {
        return new StepRun(name, state, 1, T0, null, null, "");
    }
}
