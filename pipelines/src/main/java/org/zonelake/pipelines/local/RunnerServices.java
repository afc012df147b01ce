package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.UploadRepository;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.process.RunRepository;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.pipelines.PipelineRegistry;
import org.zonelake.pipelines.routing.Router;

/**
 * What the in-process runner works with.
 *
 * @param cancelJobs stops the engine jobs of a run (Spark job group = run id) when a user cancels it
 * @param workRoot where runs keep their staged objects and intermediate files
 */
public record RunnerServices(
        EventQueue events,
        RunRepository runs,
        ObjectRepository objects,
        UploadRepository uploads,
        ObjectStore objectStore,
        PipelineRegistry pipelines,
        Router router,
        Consumer<String> cancelJobs,
        Path workRoot,
        Clock clock) {

    public RunnerServices {
        requireNonNull(events, "events is null");
        requireNonNull(runs, "runs is null");
        requireNonNull(objects, "objects is null");
        requireNonNull(uploads, "uploads is null");
        requireNonNull(objectStore, "objectStore is null");
        requireNonNull(pipelines, "pipelines is null");
        requireNonNull(router, "router is null");
        requireNonNull(cancelJobs, "cancelJobs is null");
        requireNonNull(workRoot, "workRoot is null");
        requireNonNull(clock, "clock is null");
    }
}
