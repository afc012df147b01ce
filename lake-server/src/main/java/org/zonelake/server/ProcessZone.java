package org.zonelake.server;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.airflow.AirflowClient;
import org.zonelake.airflow.AirflowDispatcher;
import org.zonelake.airflow.AirflowPipelineTrigger;
import org.zonelake.core.identity.Project;
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
 * The process zone as this process sees it: the gold zones, and what processes stored objects. Locally (the
 * all-in-one lake) that is Spark in this JVM, every pipeline, and the runner that takes "object stored" events and runs
 * from the metadata zone; the trigger exists before the runner (uploads need it, and the archive pipeline stores entries
 * through uploads' own path), so it wakes the runner through a reference set once the runner is built. With Airflow, the
 * trigger queues the events for the dispatcher, which starts one DAG run per object and follows it, and one per
 * generation of a run no job will take (a redo); the pipelines job on the Spark cluster records the runs.
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
    private final AirflowDispatcher airflow;
    private final PipelineTrigger trigger;
    private final Clock clock;

    ProcessZone(LakeConfig config, Repositories repositories, Clock clock) {
        this.repositories = requireNonNull(repositories, "repositories is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.gold = GoldZones.open(config);
        this.spark = LakeSpark.local(config.pipelines().sparkThreads());
        this.airflow = config.pipelines().airflow().map(settings -> new AirflowDispatcher(new AirflowClient(settings), repositories.events(),
                repositories.runs(), repositories.objects(), settings, clock)).orElse(null);
        this.trigger = airflow == null ? new LocalPipelineTrigger(repositories.events(), this::wakeUp, clock)
                : new AirflowPipelineTrigger(repositories.events(), airflow::wakeUp, clock);
    }

    /** Hands "object stored" events to the runner. */
    PipelineTrigger trigger() {
        return trigger;
    }

    /**
     * Starts processing the events the trigger queues: the Airflow dispatcher, or the local runner (objects derived from
     * archives are then stored through {@code derived}). Closing the result stops it.
     */
    AutoCloseable startProcessing(LakeConfig config, ObjectStore objectStore, DerivedObjects derived) {
        if (airflow != null) {
            airflow.start();
            return airflow;
        }
        LocalPipelineRunner created = createRunner(config, objectStore, derived);
        created.start();
        return created;
    }

    /**
     * With Airflow: the projects in which the dispatcher looks for runs nobody will pick up (a redo made before a
     * restart). The local runner needs no telling: it claims from every project.
     */
    void resumeProjects(List<Project> projects) {
        if (airflow != null) {
            projects.forEach(project -> airflow.runsChanged(project.name()));
        }
    }

    private LocalPipelineRunner createRunner(LakeConfig config, ObjectStore objectStore, DerivedObjects derived) {
        var services = new RunnerServices(repositories.events(), repositories.runs(), repositories.objects(), repositories.uploads(),
                objectStore, new PipelineRegistry(pipelines(config.pipelines(), derived)),
                new Router(repositories.routes(), repositories.templates(), new JsonShapes(objectStore)),
                spark::cancel, config.workDir(), clock);
        LocalPipelineRunner created = new LocalPipelineRunner(services, config.pipeline());
        runner.set(created);
        return created;
    }

    /**
     * What the gateway serves of the process zone. With Airflow, a redo or cancel through the runs API names its project
     * to the dispatcher and wakes it, which hands the re-queued run to Airflow (no local runner would claim it).
     */
    ProcessServices gatewayServices() {
        if (airflow != null) {
            return new ProcessServices(airflow.reportingChanges(repositories.runs()), repositories.routes(), repositories.profiles(),
                    gold.timeSeries(), gold.sql(), gold.graph(), airflow::wakeUp);
        }
        return new ProcessServices(repositories.runs(), repositories.routes(), repositories.profiles(), gold.timeSeries(), gold.sql(),
                gold.graph(), this::wakeUp);
    }

    /** Health checks of the gold zones. */
    List<HealthCheck> healthChecks() {
        return gold.healthChecks();
    }

    /** Starts Spark in the background, so that the first object does not wait for it (local processing only). */
    void warmUp() {
        if (airflow != null) {
            return;
        }
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
