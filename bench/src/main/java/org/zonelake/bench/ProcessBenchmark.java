package org.zonelake.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.zonelake.bench.QueryableLatency.Kind;
import org.zonelake.bench.QueryableLatency.Sample;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.server.LakeConfig;
import org.zonelake.server.LakeServer;

/**
 * Measures the process zone, in one run, on a fresh all-in-one lake in a temporary data directory:
 * <ol>
 *   <li>upload-to-queryable latency (p50, p95, max) of small sensor JSON and CSV objects, with where the time goes
 *       according to the run records;</li>
 *   <li>rows/s of loading a large CSV into the SQL zone (the run's {@code load} step, and upload to run succeeded)
 *       against H2 loading the same file itself with {@code CSVREAD}, and their ratio.</li>
 * </ol>
 * Arguments (all optional): {@code --count 50 --warm-up 3 --clients 1 --rows 1000000 --poll-ms 10 --timeout-s 120
 * --dir /path}. Variables {@code ZONELAKE_*} of the environment configure the lake, except its data directory, port,
 * admin password and object size limit.
 */
public final class ProcessBenchmark {
    private static final String PASSWORD = "bench-admin-password";
    private static final String PROJECT = "bench";

    private final PrintStream out = System.out;
    private final Settings settings;
    /** Exists once the warm-up has started the lake's Spark session. */
    private RunReport runReport;

    /** The benchmark's options. */
    record Settings(int count, int warmUp, int clients, long rows, Duration pollInterval, Duration timeout, Path dir) {
        static Settings from(Map<String, String> options) {
            return new Settings(Integer.parseInt(options.getOrDefault("count", "50")),
                    Integer.parseInt(options.getOrDefault("warm-up", "3")),
                    Integer.parseInt(options.getOrDefault("clients", "1")),
                    Long.parseLong(options.getOrDefault("rows", "1000000")),
                    Duration.ofMillis(Long.parseLong(options.getOrDefault("poll-ms", "10"))),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-s", "120"))),
                    Path.of(options.getOrDefault("dir", System.getProperty("java.io.tmpdir"))));
        }
    }

    /** The lake's load of the large CSV. */
    private record LakeLoad(Instant uploadStarted, double uploadMillis, RunRecord run, long rowCount, String columns, double cpuToLoaded,
                            double cpuToEnd) {}

    private ProcessBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        // Before the first logger exists: the lake's per-request and per-run log lines are not what is measured.
        System.setProperty("ZONELAKE_LOG_LEVEL", System.getProperty("ZONELAKE_LOG_LEVEL", "WARN"));
        System.setProperty("ZONELAKE_LOG_DIR", System.getProperty("ZONELAKE_LOG_DIR",
                Path.of(System.getProperty("java.io.tmpdir"), "zonelake-bench-logs").toString()));
        new ProcessBenchmark(Settings.from(IngestBenchmark.Options.parse(args))).run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory(settings.dir(), "zonelake-process-bench-");
        try {
            out.printf("Zonelake process benchmark: %d cores, max heap %d MiB, JDK %s, machine load average %.1f, work dir %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, Runtime.version(),
                    ProcessCpu.loadAverage(), work);
            Path csv = work.resolve("bulk.csv");
            long start = System.nanoTime();
            long size = SampleData.writeLargeCsv(csv, settings.rows());
            out.printf("generated %s: %,d rows, %,d bytes in %.1f s%n", csv.getFileName(), settings.rows(), size, (System.nanoTime() - start) / 1e9);
            LakeLoad lakeLoad;
            try (LakeServer lake = LakeServer.start(LakeConfig.from(ConfigSource.of(lakeEnvironment(work, size))), Clock.systemUTC(), out)) {
                LakeClient client = new LakeClient("http://127.0.0.1:" + lake.port(), PROJECT);
                client.logIn("admin", PASSWORD);
                client.createProject();
                latency(client);
                lakeLoad = loadIntoLake(client, csv);
            }
            // With the lake stopped, the engine has the machine to itself.
            compare(lakeLoad, EngineCsvLoad.typed(work.resolve("engine-typed"), csv), EngineCsvLoad.untyped(work.resolve("engine-text"), csv));
        } finally {
            deleteTree(work);
        }
    }

    private Map<String, String> lakeEnvironment(Path work, long largestObject) {
        Map<String, String> environment = new HashMap<>();
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("ZONELAKE_")) {
                environment.put(key, value);
            }
        });
        environment.put("ZONELAKE_DATA_DIR", work.resolve("data").toString());
        environment.put("ZONELAKE_HTTP_PORT", "0");
        environment.put("ZONELAKE_ADMIN_PASSWORD", PASSWORD);
        environment.put("ZONELAKE_LIMITS_MAX_OBJECT_BYTES", ((largestObject >> 20) + 64) + "MiB");
        return environment;
    }

    // ---- latency of small objects ----

    private void latency(LakeClient client) throws Exception {
        QueryableLatency probe = new QueryableLatency(client, settings.pollInterval(), settings.timeout());
        long start = System.nanoTime();
        for (int k = 0; k < settings.warmUp(); k++) {
            probe.measure(Kind.JSON, k);
            probe.measure(Kind.CSV, k);
        }
        out.printf("warm-up: %d objects of each kind, untimed, in %.1f s (Spark starts with the lake, in the background)%n",
                settings.warmUp(), (System.nanoTime() - start) / 1e9);
        runReport = new RunReport(out, SparkJobs.attach());
        List<Sample> json = measureAll(probe, Kind.JSON);
        List<Sample> csv = measureAll(probe, Kind.CSV);
        out.printf("upload-to-queryable latency: %d objects of each kind, %d at a time, polling every %d ms (machine load average %.1f)%n",
                settings.count(), settings.clients(), settings.pollInterval().toMillis(), ProcessCpu.loadAverage());
        new LatencyReport(out, runReport).print(json, csv);
    }

    private List<Sample> measureAll(QueryableLatency probe, Kind kind) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.clients());
        try {
            List<Future<Sample>> futures = new ArrayList<>();
            for (int i = 0; i < settings.count(); i++) {
                int k = settings.warmUp() + i;
                futures.add(pool.submit(() -> probe.measure(kind, k)));
            }
            List<Sample> samples = new ArrayList<>();
            for (Future<Sample> future : futures) {
                samples.add(future.get());
            }
            return samples;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- bulk load ----

    /**
     * Uploads the large CSV and follows its run every 50 ms, noting this process's CPU time when the {@code load} step is
     * first seen ended and when the run is.
     */
    private LakeLoad loadIntoLake(LakeClient client, Path csv) throws Exception {
        out.printf("bulk load: machine load average before it %.1f%n", ProcessCpu.loadAverage());
        double cpu = ProcessCpu.seconds();
        Instant started = Instant.now();
        long start = System.nanoTime();
        long id = client.upload("bulk.csv", "text/csv", csv);
        double uploadMillis = (System.nanoTime() - start) / 1e6;
        double cpuAtLoadEnd = Double.NaN;
        RunRecord run = null;
        while (run == null || !run.ended()) {
            LakeClient.require(System.nanoTime() - start < Duration.ofHours(1).toNanos(), "the run of object " + id + " did not end within an hour");
            Thread.sleep(50);
            run = RunRecord.latest(client, id);
            boolean loaded = run != null && run.steps().containsKey("load") && run.step("load").endedAt() != null;
            cpuAtLoadEnd = Double.isNaN(cpuAtLoadEnd) && loaded ? ProcessCpu.seconds() : cpuAtLoadEnd;
        }
        LakeClient.require(run.succeeded(), "run " + run.id() + " ended " + run.state() + ": " + run.reason());
        double cpuAtEnd = ProcessCpu.seconds();
        LakeClient.Answer table = client.get("tables/bulk_csv_" + id);
        LakeClient.require(table.status() == 200, "table bulk_csv_" + id + " answered " + table);
        return new LakeLoad(started, uploadMillis, run, table.json().path("row_count").asLong(), columns(table.json()), cpuAtLoadEnd - cpu,
                cpuAtEnd - cpu);
    }

    private static String columns(JsonNode table) {
        StringBuilder columns = new StringBuilder();
        for (JsonNode column : table.path("columns")) {
            String type = column.path("type").asText();
            columns.append(columns.length() == 0 ? "" : ", ").append(column.path("name").asText()).append(' ').append(type)
                    .append(type.equals("decimal") ? "(" + column.path("scale").asInt() + ")" : "");
        }
        return columns.toString();
    }

    private void compare(LakeLoad lake, EngineCsvLoad.Result typed, EngineCsvLoad.Result text) {
        long rows = settings.rows();
        LakeClient.require(lake.rowCount() == rows, "the lake's table holds " + lake.rowCount() + " rows, not " + rows);
        LakeClient.require(typed.rows() == rows && text.rows() == rows, "H2 loaded " + typed.rows() + " and " + text.rows() + " rows, not " + rows);
        RunRecord.Step load = lake.run().step("load");
        double loadSeconds = load.millis() / 1e3;
        double endToEndSeconds = RunRecord.millis(lake.uploadStarted(), lake.run().endedAt()) / 1e3;
        out.printf("bulk load: %,d-row CSV into the SQL zone (lake's table: %s)%n", rows, lake.columns());
        out.printf("  lake: upload %.1f s, answered -> run started %.1f s, then the run's steps:%n", lake.uploadMillis() / 1e3,
                RunRecord.millis(lake.uploadStarted().plusNanos((long) (lake.uploadMillis() * 1e6)), lake.run().startedAt()) / 1e3);
        runReport.printSteps(lake.run());
        out.printf("  %-46s %9s %12s %10s %16s%n", "", "wall", "rows/s", "CPU", "rows/core-s");
        printRate("lake, load step (CPU: upload start -> load)", rows, loadSeconds, lake.cpuToLoaded());
        printRate("lake, upload start -> table queryable", rows, RunRecord.millis(lake.uploadStarted(), load.endedAt()) / 1e3, lake.cpuToLoaded());
        printRate("lake, upload start -> run succeeded", rows, endToEndSeconds, lake.cpuToEnd());
        printRate("H2 " + typed.variant(), rows, typed.seconds(), typed.cpuSeconds());
        printRate("H2 " + text.variant(), rows, text.seconds(), text.cpuSeconds());
        out.printf("  H2's typed table: %s%n  H2's text table: %s%n", String.join(", ", typed.columnTypes()), String.join(", ", text.columnTypes()));
        out.printf("  ratio lake/engine, rows/s against H2's typed load: load step %.2f, end to end %.2f (all-text load: %.2f, %.2f)%n",
                typed.seconds() / loadSeconds, typed.seconds() / endToEndSeconds, text.seconds() / loadSeconds, text.seconds() / endToEndSeconds);
        out.printf("  ratio lake/engine, rows per core-second against H2's typed load: to queryable %.2f, end to end %.2f%n",
                typed.cpuSeconds() / lake.cpuToLoaded(), typed.cpuSeconds() / lake.cpuToEnd());
        out.printf("  machine load average after: %.1f%n", ProcessCpu.loadAverage());
    }

    private void printRate(String label, long rows, double seconds, double cpuSeconds) {
        out.printf("  %-46s %7.1f s %,12.0f %8.1f s %,16.0f%n", label, seconds, rows / seconds, cpuSeconds, rows / cpuSeconds);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
