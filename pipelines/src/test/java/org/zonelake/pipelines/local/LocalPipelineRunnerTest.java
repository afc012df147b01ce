package org.zonelake.pipelines.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.zonelake.pipelines.Eventually.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.metadata.EmbeddedMongoServer;
import org.zonelake.metadata.MetadataStore;
import org.zonelake.pipelines.CatalogOnlyStep;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.PipelineTestbed;
import org.zonelake.pipelines.StepResult;

class LocalPipelineRunnerTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedMongoServer server;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private PipelineTestbed lake;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.startInMemory();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void freshDatabase() {
        lake = track(new PipelineTestbed(MetadataStore.on(server, "pipelines_" + DATABASES.incrementAndGet())));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void eventHandedToTheTriggerEndsCataloguedAndProcessed() {
        LocalPipelineTrigger trigger = startedTrigger(lake, catalog(lake));
        ObjectStoredEvent event = lake.storedObject();

        trigger.objectStored(event);

        await("the upload is processed", () -> lake.uploadState(event) == UploadState.PROCESSED);
        ObjectDocument object = lake.object(event);
        assertThat(object.successfulOperations()).singleElement().satisfies(operation -> {
            assertThat(operation.name()).isEqualTo("catalog");
            assertThat(operation.runId()).isEqualTo(event.eventId());
            assertThat(operation.detail()).contains("no processing pipeline configured");
        });
        assertThat(object.failedOperations()).isEmpty();
        await("the event is done", () -> lake.queue.backlog() == 0);
    }

    @Test
    void sameEventTriggeredTwiceGivesOneOperation() {
        LocalPipelineTrigger trigger = startedTrigger(lake, catalog(lake));
        ObjectStoredEvent event = lake.storedObject();

        trigger.objectStored(event);
        trigger.objectStored(event);
        await("the upload is processed", () -> lake.uploadState(event) == UploadState.PROCESSED && lake.queue.backlog() == 0);
        trigger.objectStored(event);

        assertThat(lake.queue.backlog()).isZero();
        assertThat(lake.object(event).successfulOperations()).extracting(Operation::name).containsExactly("catalog");
    }

    @Test
    void manyEventsAreEachProcessedOnce() {
        LocalPipelineTrigger trigger = startedTrigger(lake, catalog(lake));
        List<ObjectStoredEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(lake.storedObject());
        }

        events.forEach(trigger::objectStored);

        await("all uploads are processed", () -> events.stream().allMatch(event -> lake.uploadState(event) == UploadState.PROCESSED));
        assertThat(events).allSatisfy(event -> assertThat(lake.object(event).successfulOperations()).hasSize(1));
    }

    @Test
    void stepThatThrowsTwiceThenSucceedsEndsSucceededWithAttemptsRecorded() {
        FlakyStep flaky = new FlakyStep(2, catalog(lake));
        LocalPipelineTrigger trigger = startedTrigger(lake, flaky);
        ObjectStoredEvent event = lake.storedObject();

        trigger.objectStored(event);

        await("the upload is processed", () -> lake.uploadState(event) == UploadState.PROCESSED);
        assertThat(flaky.calls).hasValue(3);
        assertThat(lake.object(event).successfulOperations()).extracting(Operation::name).containsExactly("catalog");
        assertThat(lake.object(event).failedOperations()).isEmpty();
        await("the event is done", () -> "done".equals(lake.queueEntry(event).orElseThrow().getString("state")));
        Document entry = lake.queueEntry(event).orElseThrow();
        assertThat(entry.getInteger("attempts")).isEqualTo(3);
        assertThat(entry.getString("last_error")).contains("flaky failure 2");
    }

    @Test
    void stepThatAlwaysThrowsEndsFailedWithFailedOperationCarryingTheReason() {
        FlakyStep broken = new FlakyStep(Integer.MAX_VALUE, catalog(lake));
        LocalPipelineTrigger trigger = startedTrigger(lake, broken);
        ObjectStoredEvent event = lake.storedObject();

        trigger.objectStored(event);

        await("the upload failed", () -> lake.uploadState(event) == UploadState.FAILED);
        assertThat(lake.upload(event).failureReason()).contains("flaky").contains("flaky failure 3");
        assertThat(broken.calls).hasValue(3);
        assertThat(lake.object(event).failedOperations()).singleElement().satisfies(operation -> {
            assertThat(operation.name()).isEqualTo("flaky");
            assertThat(operation.detail()).contains("flaky failure 3");
            assertThat(operation.runId()).isEqualTo(event.eventId());
        });
        assertThat(lake.object(event).successfulOperations()).isEmpty();
        await("the event is failed", () -> "failed".equals(lake.queueEntry(event).orElseThrow().getString("state")));
    }

    @Test
    void stepReportingFailureEndsFailedWithoutRetry() {
        AtomicInteger calls = new AtomicInteger();
        LocalPipelineTrigger trigger = startedTrigger(lake, step("validate", event -> {
            calls.incrementAndGet();
            return StepResult.failed("column 3 is not a number");
        }));
        ObjectStoredEvent event = lake.storedObject();

        trigger.objectStored(event);

        await("the upload failed", () -> lake.uploadState(event) == UploadState.FAILED);
        assertThat(lake.upload(event).failureReason()).isEqualTo("Step validate: column 3 is not a number");
        assertThat(lake.object(event).failedOperations()).extracting(Operation::name, Operation::detail)
                .containsExactly(tuple("validate", "column 3 is not a number"));
        await("the event is failed", () -> lake.queue.backlog() == 0);
        assertThat(calls).hasValue(1);
    }

    @Test
    void stepNotHandlingTheObjectEndsNotHandledWithTheReason() {
        LocalPipelineTrigger trigger = startedTrigger(lake, catalog(lake),
                step("images", event -> StepResult.notHandled("no pipeline for text/csv")));
        ObjectStoredEvent event = lake.storedObject();

        trigger.objectStored(event);

        await("the upload is not handled", () -> lake.uploadState(event) == UploadState.NOT_HANDLED);
        assertThat(lake.upload(event).failureReason()).isEqualTo("Step images: no pipeline for text/csv");
        assertThat(lake.object(event).successfulOperations()).extracting(Operation::name).containsExactly("catalog");
        assertThat(lake.object(event).failedOperations()).extracting(Operation::name).containsExactly("images");
        await("the event is done", () -> "done".equals(lake.queueEntry(event).orElseThrow().getString("state")));
    }

    @Test
    void eventClaimedByAWorkerThatDiedIsCompletedAfterItsLeaseExpires() {
        ObjectStoredEvent event = lake.storedObject();
        lake.queue.enqueue(event, Instant.now());
        assertThat(lake.queue.claim("worker-that-died", Duration.ofMillis(300), Instant.now())).isPresent();

        startedTrigger(lake, catalog(lake));

        await("the upload is processed", () -> lake.uploadState(event) == UploadState.PROCESSED);
        assertThat(lake.object(event).successfulOperations()).extracting(Operation::name).containsExactly("catalog");
        assertThat(lake.queueEntry(event).orElseThrow().getInteger("attempts")).isEqualTo(2);
    }

    @Test
    void runnerRestartedOnAPersistentStoreProcessesEventsQueuedBeforeTheRestart(@TempDir Path directory) {
        ObjectStoredEvent processedBefore;
        ObjectStoredEvent queuedBefore;
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start(directory, 0);
             PipelineTestbed before = new PipelineTestbed(MetadataStore.on(first, "restart"))) {
            LocalPipelineTrigger trigger;
            try (LocalPipelineRunner runner = runner(before, catalog(before))) {
                trigger = new LocalPipelineTrigger(before.queue, runner, before.clock);
                runner.start();
                processedBefore = before.storedObject();
                trigger.objectStored(processedBefore);
                await("the first upload is processed",
                        () -> before.uploadState(processedBefore) == UploadState.PROCESSED && before.queue.backlog() == 0);
            }
            queuedBefore = before.storedObject();
            trigger.objectStored(queuedBefore);
            before.store.makeDurable();
        }

        EmbeddedMongoServer second = track(EmbeddedMongoServer.start(directory, 0));
        PipelineTestbed after = track(new PipelineTestbed(MetadataStore.on(second, "restart")));
        startedTrigger(after, catalog(after));

        await("the upload queued before the restart is processed", () -> after.uploadState(queuedBefore) == UploadState.PROCESSED);
        assertThat(after.object(queuedBefore).successfulOperations()).extracting(Operation::name).containsExactly("catalog");
        assertThat(after.object(processedBefore).successfulOperations()).extracting(Operation::name).containsExactly("catalog");
    }

    @Test
    void closeStopsBusyWorkersAndHandsTheirEventBack() {
        CountDownLatch entered = new CountDownLatch(1);
        LocalPipelineRunner blocked = track(runner(lake, step("stuck", event -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted", e);
            }
            return StepResult.succeeded();
        })));
        blocked.start();
        ObjectStoredEvent event = lake.storedObject();
        new LocalPipelineTrigger(lake.queue, blocked, lake.clock).objectStored(event);
        await("the step is running", () -> entered.getCount() == 0);

        blocked.close();

        assertThat(workerThreads()).isEmpty();
        assertThat(lake.queueEntry(event).orElseThrow().getString("state")).isEqualTo("waiting");
        startedTrigger(lake, catalog(lake));
        await("the next runner processes the event", () -> lake.uploadState(event) == UploadState.PROCESSED);
    }

    @Test
    void stepsRunWithTheEventIdsInTheLoggingContext() {
        Map<String, String> seen = new ConcurrentHashMap<>();
        LocalPipelineTrigger trigger = startedTrigger(lake, step("context", event -> {
            seen.putAll(MDC.getCopyOfContextMap());
            return StepResult.succeeded();
        }));
        ObjectStoredEvent event = lake.storedObject();

        trigger.objectStored(event);

        await("the upload is processed", () -> lake.uploadState(event) == UploadState.PROCESSED);
        assertThat(seen).containsEntry("project", event.project())
                .containsEntry("object_id", Long.toString(event.objectId()))
                .containsEntry("event_id", event.eventId());
    }

    private LocalPipelineTrigger startedTrigger(PipelineTestbed testbed, PipelineStep... steps) {
        LocalPipelineRunner runner = track(runner(testbed, steps));
        runner.start();
        return new LocalPipelineTrigger(testbed.queue, runner, testbed.clock);
    }

    private static LocalPipelineRunner runner(PipelineTestbed testbed, PipelineStep... steps) {
        return new LocalPipelineRunner(testbed.queue, testbed.objects, testbed.uploads, List.of(steps), fastConfig(), testbed.clock);
    }

    /** Short lease, poll and backoff so that retries and expired leases happen within milliseconds. */
    private static LocalRunnerConfig fastConfig() {
        return new LocalRunnerConfig(2, Duration.ofSeconds(30), Duration.ofMillis(50), 3, Duration.ofMillis(20), Duration.ofMillis(100));
    }

    private static CatalogOnlyStep catalog(PipelineTestbed testbed) {
        return new CatalogOnlyStep(testbed.objects, testbed.clock);
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    private static List<Thread> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("pipeline-worker-") && thread.isAlive()).toList();
    }

    private static PipelineStep step(String name, Function<ObjectStoredEvent, StepResult> body) {
        return new PipelineStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StepResult run(ObjectStoredEvent event) {
                return body.apply(event);
            }
        };
    }

    /** Throws for its first {@code failures} calls, then does what the wrapped step does. */
    private static final class FlakyStep implements PipelineStep {
        final AtomicInteger calls = new AtomicInteger();
        private final int failures;
        private final PipelineStep then;

        FlakyStep(int failures, PipelineStep then) {
            this.failures = failures;
            this.then = then;
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public StepResult run(ObjectStoredEvent event) {
            int call = calls.incrementAndGet();
            if (call <= failures) {
                throw new IllegalStateException("flaky failure " + call);
            }
            return then.run(event);
        }
    }
}
