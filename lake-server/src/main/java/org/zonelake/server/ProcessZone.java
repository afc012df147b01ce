package org.zonelake.server;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.ProfileRepository;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.metadata.UploadRepository;
import org.zonelake.core.process.DerivedObjects;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.process.PipelineTrigger;
import org.zonelake.core.process.RouteRepository;
import org.zonelake.core.process.RunRepository;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.ingest.HealthCheck;
import org.zonelake.ingest.ProcessServices;
import org.zonelake.pipelines.Pipeline;
import org.zonelake.pipelines.PipelineRegistry;
import org.zonelake.pipelines.archive.ArchivePipeline;
import org.zonelake.pipelines.graph.GraphJsonPipeline;
import org.zonelake.pipelines.image.GraphImagePipeline;
import org.zonelake.pipelines.local.LocalPipelineRunner;
import org.zonelake.pipelines.local.LocalPipelineTrigger;
import org.zonelake.pipelines.local.RunnerServices;
import org.zonelake.pipelines.routing.JsonShapes;
import org.zonelake.pipelines.routing.Router;
import org.zonelake.pipelines.spark.LakeSpark;
import org.zonelake.pipelines.sqldump.SqlDumpPipeline;
import org.zonelake.pipelines.tabular.SqlTabularPipeline;
import org.zonelake.pipelines.timeseries.TimeSeriesCsvPipeline;
import org.zonelake.pipelines.timeseries.TimeSeriesJsonPipeline;

/**
 * The process zone of the all-in-one lake: the gold zones, Spark in this JVM, every pipeline, and the runner
 * that takes "object stored" events and runs from the metadata zone. The trigger exists before the runner
 * (uploads need it, and the archive pipeline stores entries through uploads' own path), so it wakes the runner
 * through a reference set once the runner is built.
 */
final class ProcessZone implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessZone.class);

    /** The repositories the process zone keeps in the metadata zone. */
    record Repositories(EventQueue events, RunRepository runs, RouteRepository routes, ProfileRepository profiles,
                        ObjectRepository objects, UploadRepository uploads, TemplateRepository templates) {
    }

    private final GoldZones gold;
    private final LakeSpark spark;
    private final Repositories repositories;
    private final AtomicReference<LocalPipelineRunner> runner = new AtomicReference<>();
    private final PipelineTrigger trigger;
    private final Clock clock;

    ProcessZone(LakeConfig config, Repositories repositories, Clock clock) {
        this.repositories = requireNonNull(repositories, "repositories is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.gold = GoldZones.open(config);
        this.spark = LakeSpark.local(config.pipelines().sparkThreads());
        this.trigger = new LocalPipelineTrigger(repositories.events(), this::wakeUp, clock);
    }

    /** Hands "object stored" events to the runner. */
    PipelineTrigger trigger() {
        return trigger;
    }

    /** Builds the pipelines and the runner; objects derived from archives are stored through {@code derived}. */
    LocalPipelineRunner createRunner(LakeConfig config, ObjectStore objectStore, DerivedObjects derived) {
        var services = new RunnerServices(repositories.events(), repositories.runs(), repositories.objects(), repositories.uploads(),
                objectStore, new PipelineRegistry(pipelines(config.pipelines(), derived)),
                new Router(repositories.routes(), repositories.templates(), new JsonShapes(objectStore)),
                spark::cancel, config.workDir(), clock);
        LocalPipelineRunner created = new LocalPipelineRunner(services, config.pipeline());
        runner.set(created);
        return created;
    }

    /** What the gateway serves of the process zone. */
    ProcessServices gatewayServices() {
        return new ProcessServices(repositories.runs(), repositories.routes(), repositories.profiles(), gold.timeSeries(), gold.sql(),
                gold.graph(), this::wakeUp);
    }

    /** Health checks of the gold zones. */
    List<HealthCheck> healthChecks() {
        return gold.healthChecks();
    }

    /** Starts Spark in the background, so that the first object does not wait for it. */
    void warmUp() {
        Thread warmUp = new Thread(() -> {
            try {
                spark.get();
            } catch (RuntimeException e) {
                LOG.warn("Spark did not start in the background; the first pipeline that needs it tries again", e);
            }
        }, "spark-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private List<Pipeline> pipelines(PipelinesConfig config, DerivedObjects derived) {
        TemplateRepository templates = repositories.templates();
        return List.of(
                new TimeSeriesJsonPipeline(spark, templates, gold.timeSeries()),
                new TimeSeriesCsvPipeline(spark, templates, gold.timeSeries()),
                new SqlTabularPipeline(spark, gold.sql(), repositories.profiles(), templates, config.tabular(), clock),
                new SqlDumpPipeline(gold.sql()),
                new GraphJsonPipeline(gold.graph(), config.graphJson()),
                new GraphImagePipeline(gold.graph()),
                new ArchivePipeline(derived, repositories.objects(), config.archives()));
    }

    private void wakeUp() {
        LocalPipelineRunner current = runner.get();
        if (current != null) {
            current.wakeUp();
        }
    }

    @Override
    public void close() {
        spark.close();
        gold.close();
    }
}
