package org.zonelake.bench;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.zonelake.bench.QueryableLatency.Sample;

/** Prints the latency figures of small objects: percentiles against the aims, where the time went, the median runs. */
final class LatencyReport {
    static final double AIM_P50_MILLIS = 1000;
    static final double AIM_P95_MILLIS = 3000;

    private final PrintStream out;
    private final RunReport runs;

    LatencyReport(PrintStream out, RunReport runs) {
        this.out = requireNonNull(out, "out is null");
        this.runs = requireNonNull(runs, "runs is null");
    }

    void print(List<Sample> json, List<Sample> csv) {
        out.printf("  %-50s %9s %9s %9s%n", "", "p50", "p95", "max");
        printLatency("sensor JSON, 20 readings: points in the export", json);
        printLatency("CSV, 20 rows: table listed with all its rows", csv);
        out.printf("  aims: p50 < %.0f ms, p95 < %.0f ms%n", AIM_P50_MILLIS, AIM_P95_MILLIS);
        out.println("  where the time goes, p50 of each part in ms (run records and Spark's listener; one clock):");
        printParts("JSON", json);
        printParts("CSV", csv);
        printMedianRun("JSON", json);
        printMedianRun("CSV", csv);
    }

    private void printLatency(String label, List<Sample> samples) {
        Percentiles latency = percentiles(samples, Sample::queryableMillis);
        boolean met = latency.p50() < AIM_P50_MILLIS && latency.p95() < AIM_P95_MILLIS;
        out.printf("  %-50s %6.0f ms %6.0f ms %6.0f ms   %s%n", label, latency.p50(), latency.p95(), latency.max(),
                met ? "aims met" : "aims NOT met");
    }

    private void printParts(String kind, List<Sample> samples) {
        out.printf("    %-4s upload %4.0f | answered -> run started %4.0f | run started -> load step %4.0f | load step %4.0f"
                        + " (Spark jobs %2.0f: %4.0f, their tasks %4.0f) | load ended -> seen %4.0f%s%n", kind,
                p50(samples, Sample::uploadMillis),
                p50(samples, s -> RunRecord.millis(s.uploadAnswered(), s.run().startedAt())),
                p50(samples, s -> RunRecord.millis(s.run().startedAt(), s.run().step("load").startedAt())),
                p50(samples, s -> s.run().step("load").millis()),
                p50(samples, s -> runs.jobs(s.run(), "load").jobs()),
                p50(samples, s -> runs.jobs(s.run(), "load").jobMillis()),
                p50(samples, s -> runs.jobs(s.run(), "load").taskMillis()),
                p50(samples, s -> RunRecord.millis(s.run().step("load").endedAt(), s.seenQueryable())),
                stepsAfterLoad(samples));
    }

    /** The steps after {@code load} (the CSV's {@code profile}) run once the data is queryable. */
    private static String stepsAfterLoad(List<Sample> samples) {
        StringBuilder text = new StringBuilder();
        samples.get(0).run().steps().keySet().stream().filter(name -> !name.equals("load")).forEach(name -> text.append(
                String.format(" | then step %s %.0f", name, p50(samples, s -> s.run().step(name).millis()))));
        return text.toString();
    }

    private void printMedianRun(String kind, List<Sample> samples) {
        List<Sample> sorted = samples.stream().sorted(Comparator.comparingDouble(Sample::queryableMillis)).toList();
        Sample median = sorted.get((sorted.size() - 1) / 2);
        out.printf("  the median %s object (id %d, queryable after %.0f ms):%n", kind, median.objectId(), median.queryableMillis());
        runs.printSteps(median.run());
    }

    private static double p50(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return percentiles(samples, value).p50();
    }

    private static Percentiles percentiles(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return Percentiles.of(samples.stream().map(value::applyAsDouble).toList());
    }
}
