package org.zonelake.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Part 2 of the distributed benchmark, for one lake: small CSV objects uploaded one at a time, each timed from the
 * object being stored to its run's {@code started_at}. The next object is uploaded once the run (and, with Airflow, its
 * DAG run) has ended, so that each one meets an idle system. All times are this machine's clock: the lake's documents
 * and run records, Airflow's and Spark's records, and the benchmark's own.
 */
final class TriggerLatency {
    private static final Duration POLL = Duration.ofMillis(100);

    private final PrintStream out;
    private final GatewayClient lake;
    private final String project;
    private final Duration timeout;
    private final AirflowTimeline airflow;

    /**
     * One object: when its upload started, when its document says it was stored ({@code last_modified} of the 201's
     * document, set as the object was marked stored), when the 201 arrived, its run, and with Airflow its DAG run's times.
     */
    record Sample(long objectId, Instant uploadStarted, Instant stored, Instant answered, RunRecord run, AirflowTimeline.Times dagRun) {}

    /** {@code airflow} is null for the local trigger. */
    TriggerLatency(PrintStream out, GatewayClient lake, String project, Duration timeout, AirflowTimeline airflow) {
        this.out = requireNonNull(out, "out is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.project = requireNonNull(project, "project is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.airflow = airflow;
    }

    /** Uploads {@code warmUp} objects untimed, then {@code count} timed ones; deletes them all afterwards. */
    List<Sample> measure(int warmUp, int count) throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        List<Long> uploaded = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (int k = 0; k < warmUp + count; k++) {
                Sample sample = one(k);
                uploaded.add(sample.objectId());
                if (k == warmUp - 1) {
                    out.printf("  warm-up: %d object(s), untimed, in %.1f s%n", warmUp, (System.nanoTime() - start) / 1e9);
                }
                if (k >= warmUp) {
                    samples.add(sample);
                }
            }
            return samples;
        } finally {
            uploaded.forEach(lake::delete);
        }
    }

    private Sample one(int k) throws InterruptedException {
        Instant started = Instant.now();
        JsonNode object = lake.upload(String.format("lat_%05d.csv", k), "text/csv", SampleData.smallCsv(k));
        Instant answered = Instant.now();
        long id = object.path("id").asLong();
        RunRecord run = lake.awaitRunEnd(id, POLL, timeout);
        LakeClient.require(run.succeeded(), "run " + run.id() + " of object " + id + " ended " + run.state() + ": " + run.reason());
        AirflowTimeline.Times dagRun = airflow == null ? null : airflow.awaitEnd(project, id, timeout);
        return new Sample(id, started, Instant.parse(object.path("last_modified").asText()), answered, run, dagRun);
    }

    /** The two figures of one trigger the summary repeats. */
    static void printHeadline(PrintStream out, String trigger, List<Sample> samples) {
        out.printf("  %-62s %9s %9s %9s%n", trigger + ", " + samples.size() + " CSV objects of 20 rows", "p50", "p95", "max");
        row(out, "stored (document) -> run started_at", samples, s -> millis(s.stored(), s.run().startedAt()));
        row(out, "upload request -> run ended (final, for context)", samples, s -> millis(s.uploadStarted(), s.run().endedAt()));
    }

    /** Prints the figures of one trigger. */
    static void print(PrintStream out, String trigger, List<Sample> samples) {
        out.printf("  %-62s %9s %9s %9s%n", trigger + ", " + samples.size() + " CSV objects of 20 rows", "p50", "p95", "max");
        row(out, "stored (document) -> run started_at", samples, s -> millis(s.stored(), s.run().startedAt()));
        row(out, "upload answered 201 -> run started_at", samples, s -> millis(s.answered(), s.run().startedAt()));
        row(out, "upload request -> 201 (for context)", samples, s -> millis(s.uploadStarted(), s.answered()));
        row(out, "upload request -> run ended (final, for context)", samples, s -> millis(s.uploadStarted(), s.run().endedAt()));
        row(out, "run started -> run ended (the pipeline itself)", samples, s -> millis(s.run().startedAt(), s.run().endedAt()));
        String first = samples.get(0).run().steps().keySet().stream().findFirst().orElse(null);
        if (first != null) {
            row(out, "  run started -> step " + first + " started", samples, s -> millis(s.run().startedAt(), step(s, first).startedAt()));
        }
        samples.get(0).run().steps().keySet().forEach(name -> row(out, "  step " + name, samples,
                s -> millis(step(s, name).startedAt(), step(s, name).endedAt())));
        if (samples.get(0).dagRun() != null) {
            printAirflowParts(out, samples);
        }
        printMedianRun(out, samples);
    }

    /** The run of the median object (by upload to run ended): each step's log on the step's own time line. */
    private static void printMedianRun(PrintStream out, List<Sample> samples) {
        List<Sample> sorted = samples.stream().sorted(Comparator.comparingDouble(s -> millis(s.uploadStarted(), s.run().endedAt()))).toList();
        Sample median = sorted.get((sorted.size() - 1) / 2);
        out.printf("    the median object's run (object %d, run %s), its steps' logs:%n", median.objectId(), median.run().id());
        median.run().steps().forEach((name, step) -> {
            out.printf("      step %s: %.3f s%n", name, millis(step.startedAt(), step.endedAt()) / 1e3);
            for (String line : step.log().split("\n")) {
                int space = line.indexOf(' ');
                try {
                    Instant at = Instant.parse(line.substring(0, Math.max(space, 0)));
                    out.printf("        %+8.3f s  %s%n", millis(step.startedAt(), at) / 1e3, line.substring(space + 1));
                } catch (DateTimeParseException e) {
                    out.printf("                    %s%n", line);
                }
            }
        });
    }

    /** The job claims the run (started_at) before it builds its Spark session: the session is part of the run. */
    private static void printAirflowParts(PrintStream out, List<Sample> samples) {
        out.println("    where the time goes with Airflow (Airflow's and the Spark master's own records, same clock):");
        row(out, "  stored -> DAG run queued (the lake triggers it)", samples, s -> millis(s.stored(), s.dagRun().dagRunQueued()));
        row(out, "  DAG run queued -> DAG run started (scheduler)", samples, s -> millis(s.dagRun().dagRunQueued(), s.dagRun().dagRunStarted()));
        row(out, "  DAG run started -> spark-submit task started", samples, s -> millis(s.dagRun().dagRunStarted(), s.dagRun().taskStarted()));
        row(out, "  task started -> run started_at (driver JVM up, run claimed)", samples,
                s -> millis(s.dagRun().taskStarted(), s.run().startedAt()));
        row(out, "  run started -> Spark app registered (job's session)", samples, s -> millis(s.run().startedAt(), s.dagRun().sparkAppStarted()));
        row(out, "  run ended -> DAG run ended", samples, s -> millis(s.run().endedAt(), s.dagRun().dagRunEnded()));
    }

    private static RunRecord.Step step(Sample sample, String name) {
        RunRecord.Step step = sample.run().steps().get(name);
        return step == null ? new RunRecord.Step("", null, null, "") : step;
    }

    private static void row(PrintStream out, String label, List<Sample> samples, Function<Sample, Double> value) {
        List<Double> values = samples.stream().map(value).filter(Objects::nonNull).toList();
        Percentiles p = Percentiles.of(values);
        out.printf("    %-60s %6.0f ms %6.0f ms %6.0f ms%s%n", label, p.p50(), p.p95(), p.max(),
                values.size() < samples.size() ? "  (" + values.size() + " of " + samples.size() + " known)" : "");
    }

    private static Double millis(Instant from, Instant to) {
        return from == null || to == null ? null : RunRecord.millis(from, to);
    }
}
