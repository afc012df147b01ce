package org.zonelake.pipelines;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.UploadKind;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.Route;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.StoredBlob;
import org.zonelake.metadata.MetadataStore;
import org.zonelake.metadata.MongoEventQueue;
import org.zonelake.metadata.MongoObjectRepository;
import org.zonelake.metadata.MongoRouteRepository;
import org.zonelake.metadata.MongoRunRepository;
import org.zonelake.metadata.MongoTemplateRepository;
import org.zonelake.metadata.MongoUploadRepository;
import org.zonelake.pipelines.local.LocalPipelineRunner;
import org.zonelake.pipelines.local.LocalPipelineTrigger;
import org.zonelake.pipelines.local.LocalRunnerConfig;
import org.zonelake.pipelines.local.RunnerServices;
import org.zonelake.pipelines.routing.JsonShapes;
import org.zonelake.pipelines.routing.Router;
import org.zonelake.raw.local.LocalDiskObjectStore;

/** The real metadata-zone and raw-zone adapters, objects stored with their uploads, and runners over them. */
public final class PipelineTestbed {
    public static final String PROJECT = "pipeline-project";

    public final MongoEventQueue queue;
    public final MongoObjectRepository objects;
    public final MongoUploadRepository uploads;
    public final MongoRunRepository runs;
    public final MongoRouteRepository routes;
    public final MongoTemplateRepository templates;
    public final LocalDiskObjectStore objectStore;
    public final Path workRoot;
    public final Clock clock = Clock.systemUTC();

    public PipelineTestbed(MetadataStore store, Path directory) {
        requireNonNull(store, "store is null");
        this.queue = new MongoEventQueue(store);
        this.objects = new MongoObjectRepository(store);
        this.uploads = new MongoUploadRepository(store);
        this.runs = new MongoRunRepository(store);
        this.routes = new MongoRouteRepository(store);
        this.templates = new MongoTemplateRepository(store);
        this.objectStore = new LocalDiskObjectStore(directory.resolve("raw"), 1 << 20);
        this.workRoot = directory.resolve("work");
    }

    /** Routes every object of the test project by these lines. */
    public void route(Route... lines) {
        routes.replace(PROJECT, List.of(lines));
    }

    /** An object stored in the raw zone and catalogued, whose upload waits for processing; returns its event. */
    public ObjectStoredEvent storedObject(String name, String contentType, String content) {
        Instant now = clock.instant();
        long id = objects.allocateId(PROJECT);
        String storageName = "object-" + id;
        StoredBlob blob = objectStore.put(new ObjectKey(PROJECT, storageName), new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        objects.insert(ObjectDocument.pending(PROJECT, id, storageName, name, "alice", null, "tests", null, null, Map.of(), now));
        objects.markStored(PROJECT, id, blob, contentType, now);
        uploads.create(new UploadRecord(uploadId(id), PROJECT, UploadKind.SINGLE_REQUEST, "alice", name,
                blob.size(), blob.size(), UploadState.STORED, id, null, Map.of(), null, null, now, now));
        return new ObjectStoredEvent(PROJECT, id, storageName, contentType, blob.size(), blob.sha256(), null, "alice", now);
    }

    public RunnerServices services(PipelineRegistry pipelines, java.util.function.Consumer<String> cancelJobs) {
        return new RunnerServices(queue, runs, objects, uploads, objectStore, pipelines,
                new Router(routes, templates, new JsonShapes(objectStore)), cancelJobs, workRoot, clock);
    }

    /** A runner that polls often and retries soon, so that tests finish fast. */
    public static LocalRunnerConfig fastConfig(java.time.Duration lease) {
        return new LocalRunnerConfig(2, lease, java.time.Duration.ofMillis(20), 3, java.time.Duration.ofMillis(20),
                java.time.Duration.ofMillis(200));
    }

    public LocalPipelineTrigger trigger(LocalPipelineRunner runner) {
        return new LocalPipelineTrigger(queue, runner::wakeUp, clock);
    }

    public ObjectDocument object(ObjectStoredEvent event) {
        return objects.find(event.project(), event.objectId()).orElseThrow();
    }

    public UploadState uploadState(ObjectStoredEvent event) {
        return uploads.find(event.project(), uploadId(event.objectId())).orElseThrow().state();
    }

    public PipelineRun run(ObjectStoredEvent event, String pipeline) {
        return runs.find(event.project(), PipelineRun.idOf(event.objectId(), pipeline)).orElseThrow();
    }

    private static String uploadId(long objectId) {
        return "upload-" + objectId;
    }
}
