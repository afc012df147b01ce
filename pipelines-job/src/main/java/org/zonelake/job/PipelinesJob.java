package org.zonelake.job;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.pipelines.local.ObjectRunReport;
import org.zonelake.pipelines.local.ObjectRunner;
import org.zonelake.pipelines.spark.LakeSpark;

/**
 * The pipelines jar's entry point under {@code spark-submit}: processes one object of the lake exactly as the lake's
 * own runner would (route, queue its run, execute each unfinished run of the object with leases, step logs and
 * settlement in the metadata zone), on the Spark session spark-submit configured, writing to the gold zones by URL.
 * Running it again for the same object leaves the same state: runs are keyed by object and pipeline, and a run
 * already final is not run again.
 *
 * <p>Exit codes: {@code 0} every run of the object reached a final state (succeeded, failed on bad data, not handled:
 * the run records say which), {@code 1} the work could not be done (a server unreachable, a step that may pass on
 * a retry; the run is queued again, so run the job again), {@code 2} bad arguments or configuration.
 */
public final class PipelinesJob {
    public static final int DONE = 0;
    public static final int RETRY = 1;
    public static final int BAD_INVOCATION = 2;

    private static final Logger LOG = LoggerFactory.getLogger(PipelinesJob.class);

    private final ConfigSource source;
    private final Clock clock;
    private final PrintStream out;

    PipelinesJob(ConfigSource source, Clock clock, PrintStream out) {
        this.source = requireNonNull(source, "source is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.out = requireNonNull(out, "out is null");
    }

    /** Processes the object the arguments name; returns the exit code. {@code stopping} turns true on shutdown. */
    int run(String[] args, LakeSpark spark, AtomicBoolean stopping) {
        JobArguments arguments;
        JobConfig config;
        try {
            arguments = JobArguments.parse(args);
            config = JobConfig.from(source);
        } catch (IllegalArgumentException e) {
            out.println("pipelines job: " + e.getMessage());
            out.println(JobArguments.USAGE);
            return BAD_INVOCATION;
        }
        try (LakeConnections lake = LakeConnections.open(config, spark, clock);
             ObjectRunner runner = new ObjectRunner(lake.runnerServices(), config.runner(), stopping::get)) {
            var pipelines = lake.runnerServices().pipelines();
            if (arguments.pipeline() != null && pipelines.find(arguments.pipeline()).isEmpty()) {
                out.println("pipelines job: unknown pipeline '" + arguments.pipeline() + "'; known: " + String.join(", ", pipelines.names()));
                return BAD_INVOCATION;
            }
            LOG.info("Processing object {} of project {}{} as worker {}", arguments.objectId(), arguments.project(),
                    arguments.pipeline() == null ? "" : " with pipeline " + arguments.pipeline(), runner.worker());
            ObjectRunReport report = runner.run(arguments.project(), arguments.objectId(), arguments.pipeline());
            report(report);
            return report.allFinal() ? DONE : RETRY;
        } catch (RuntimeException e) {
            LOG.error("Object {} of project {} could not be processed: {}", arguments.objectId(), arguments.project(), e.getMessage(), e);
            out.println("pipelines job: object " + arguments.objectId() + " of project " + arguments.project()
                    + " could not be processed (run the job again): " + e.getMessage());
            return RETRY;
        }
    }

    private void report(ObjectRunReport report) {
        if (report.runs().isEmpty()) {
            out.println("object " + report.objectId() + " of project " + report.project() + ": nothing to run (no such stored object)");
        }
        for (PipelineRun run : report.runs()) {
            out.println("object " + report.objectId() + " of project " + report.project() + ": run " + run.id() + " " + run.state().wireName()
                    + (run.reason().isBlank() ? "" : ": " + run.reason()));
        }
    }

    public static void main(String[] args) {
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> handBackOnShutdown(main, stopping, finished), "pipelines-job-shutdown"));
        int code;
        try (LakeSpark spark = LakeSpark.submitted()) {
            code = new PipelinesJob(ConfigSource.fromSystem(), Clock.systemUTC(), System.out).run(args, spark, stopping);
        } catch (LakeException e) {
            // Only reading ZONELAKE_CONFIG_FILE fails before run(): a configuration error.
            System.out.println("pipelines job: " + e.getMessage());
            code = BAD_INVOCATION;
        }
        finished.set(true);
        System.exit(code);
    }

    /**
     * Killed mid-run (the scheduler's timeout, a stop): the runner hands an interrupted run back to the queue at once
     * instead of leaving it to its lease; the hook waits a little for that.
     */
    private static void handBackOnShutdown(Thread main, AtomicBoolean stopping, AtomicBoolean finished) {
        if (finished.get()) {
            return;
        }
        stopping.set(true);
        main.interrupt();
        try {
            main.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
