package org.zonelake.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.raw.swift.SwiftConfig;
import org.zonelake.server.LakeConfig;
import org.zonelake.server.LakeServer;

/**
 * Measures the distributed lake on the real servers of {@code ./zonelake services start}, in one run:
 * <ol>
 *   <li>upload throughput of one file through the gateway into Swift against a direct Swift PUT of the same file, and
 *       their ratio (see {@link UploadThroughput});</li>
 *   <li>object-stored-to-run-started latency of small CSV objects with the local trigger against the Airflow trigger
 *       (see {@link TriggerLatency}).</li>
 * </ol>
 * Two lakes run in this JVM, one after the other, each on the gateway port the Swift proxy filter posts to (58180),
 * configured like {@code DistributedLakeIT}: first one with the local trigger (both latency and throughput), then one
 * with the Airflow trigger. Settings come from the {@code ZONELAKE_IT_*} variables {@code ./zonelake services env}
 * prints. Arguments (all optional): {@code --size-mib 1024 --warm-up-mib 256 --repetitions 3 --segment-mib 64
 * --count 10 --warm-up 1 --timeout-s 300 --dir /path}.
 */
public final class DistributedBenchmark {
    private final PrintStream out = System.out;
    private final Settings settings;
    private final DistributedLakes lakes;
    private List<UploadThroughput.Leg> throughput = List.of();

    /** The benchmark's options. */
    record Settings(long sizeBytes, long warmUpBytes, int repetitions, long segmentBytes, int count, int warmUp, Duration timeout, Path dir) {
        static Settings from(Map<String, String> options) {
            return new Settings(Long.parseLong(options.getOrDefault("size-mib", "1024")) << 20,
                    Long.parseLong(options.getOrDefault("warm-up-mib", "256")) << 20,
                    Integer.parseInt(options.getOrDefault("repetitions", "3")),
                    Long.parseLong(options.getOrDefault("segment-mib", Long.toString(SwiftConfig.DEFAULT_SEGMENT_BYTES >> 20))) << 20,
                    Integer.parseInt(options.getOrDefault("count", "10")),
                    Integer.parseInt(options.getOrDefault("warm-up", "1")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-s", "300"))),
                    Path.of(options.getOrDefault("dir", System.getProperty("java.io.tmpdir"))));
        }
    }

    private DistributedBenchmark(Settings settings, DistributedLakes lakes) {
        this.settings = settings;
        this.lakes = lakes;
    }

    public static void main(String[] args) throws Exception {
        // Before the first logger exists: the lakes' per-request and per-run log lines are not what is measured.
        System.setProperty("ZONELAKE_LOG_LEVEL", System.getProperty("ZONELAKE_LOG_LEVEL", "WARN"));
        System.setProperty("ZONELAKE_LOG_DIR", System.getProperty("ZONELAKE_LOG_DIR",
                Path.of(System.getProperty("java.io.tmpdir"), "zonelake-bench-logs").toString()));
        int status = 0;
        try {
            new DistributedBenchmark(Settings.from(IngestBenchmark.Options.parse(args)), new DistributedLakes(System.getenv())).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // Threads the stopped lakes leave (OkHttp's pools, Spark's) must not keep the JVM alive.
        System.exit(status);
    }

    private void run() throws Exception {
        requireGatewayPortFree();
        Path work = Files.createTempDirectory(settings.dir(), "zonelake-distributed-bench-");
        try {
            out.printf("Zonelake distributed benchmark: %d cores, max heap %d MiB, JDK %s, machine load average %.1f, work dir %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, Runtime.version(),
                    ProcessCpu.loadAverage(), work);
            UploadThroughput.TestFile file = writeRandomFile(work.resolve("large.bin"), settings.sizeBytes());
            UploadThroughput.TestFile warmUp = settings.warmUpBytes() == 0 ? null
                    : writeRandomFile(work.resolve("warm-up.bin"), settings.warmUpBytes());
            Path services = Path.of(System.getenv().getOrDefault("ZONELAKE_SERVICES_DIR", "/tmp/zonelake-services"));
            SwiftDirect swift = new SwiftDirect(lakes.swift(settings.segmentBytes()));
            out.printf("Swift: the Keystone-auth proxy at %s://%s:%d, as the lake's Swift user; segment size %d MiB%n",
                    swift.storageUrl().scheme(), swift.storageUrl().host(), swift.storageUrl().port(), settings.segmentBytes() >> 20);
            String run = Long.toString(System.currentTimeMillis(), 36);
            List<TriggerLatency.Sample> local = localTriggerLake(work, "bench-" + run + "-local", swift, file, warmUp, services);
            List<TriggerLatency.Sample> airflow = airflowTriggerLake(work, "bench-" + run + "-airflow", swift);
            out.printf("%nsummary (machine load average now %.1f):%n  upload throughput, %d MiB, segments of %d MiB: %s%n",
                    ProcessCpu.loadAverage(), settings.sizeBytes() >> 20, settings.segmentBytes() >> 20, UploadThroughput.headline(throughput));
            TriggerLatency.printHeadline(out, "local trigger", local);
            TriggerLatency.printHeadline(out, "Airflow trigger", airflow);
        } finally {
            deleteTree(work);
        }
    }

    /** The lake with the local trigger: latency first (it also starts the lake's Spark), then throughput on a quiet lake. */
    private List<TriggerLatency.Sample> localTriggerLake(Path work, String project, SwiftDirect swift, UploadThroughput.TestFile file,
                                                        UploadThroughput.TestFile warmUp, Path services) throws Exception {
        Map<String, String> environment = lakes.localTrigger(work.resolve("local"), settings.segmentBytes(), settings.sizeBytes() + (64 << 20));
        try (LakeServer lake = LakeServer.start(LakeConfig.from(ConfigSource.of(environment)), Clock.systemUTC(), out)) {
            GatewayClient client = signedIn(lake, project);
            out.printf("%n1. latency, local trigger (Spark in the lake's JVM), machine load average %.1f%n", ProcessCpu.loadAverage());
            List<TriggerLatency.Sample> samples = new TriggerLatency(out, client, project, settings.timeout(), null)
                    .measure(settings.warmUp(), settings.count());
            TriggerLatency.print(out, "local trigger", samples);
            out.printf("%n2. upload throughput, %d MiB, %d repetitions alternating, machine load average %.1f%n",
                    settings.sizeBytes() >> 20, settings.repetitions(), ProcessCpu.loadAverage());
            ProxyLog proxyLog = new ProxyLog(services.resolve("swift/log/proxy-keystone.log"));
            throughput = new UploadThroughput(out, client, swift, ServerCpu.of(services), proxyLog).run(file, warmUp, settings.repetitions());
            return samples;
        } finally {
            removeContainers(swift, project);
        }
    }

    private List<TriggerLatency.Sample> airflowTriggerLake(Path work, String project, SwiftDirect swift) throws Exception {
        int metadataPort = freePort();
        Path data = work.resolve("airflow");
        Map<String, String> environment = lakes.airflowTrigger(data, settings.segmentBytes(), 64 << 20, metadataPort);
        try (AutoCloseable job = lakes.writeJobEnvironment(data, settings.segmentBytes(), metadataPort);
             LakeServer lake = LakeServer.start(LakeConfig.from(ConfigSource.of(environment)), Clock.systemUTC(), out)) {
            GatewayClient client = signedIn(lake, project);
            out.printf("%n3. latency, Airflow trigger (DAG runs that spark-submit the pipelines job to the cluster), machine load average %.1f%n",
                    ProcessCpu.loadAverage());
            AirflowTimeline timeline = new AirflowTimeline(lakes.airflowUrl(), lakes.airflowUser(), lakes.airflowPassword(),
                    lakes.airflowApiVersion(), lakes.sparkMasterUi());
            List<TriggerLatency.Sample> samples = new TriggerLatency(out, client, project, settings.timeout(), timeline)
                    .measure(settings.warmUp(), settings.count());
            TriggerLatency.print(out, "Airflow trigger", samples);
            return samples;
        } finally {
            removeContainers(swift, project);
        }
    }

    private GatewayClient signedIn(LakeServer lake, String project) {
        GatewayClient client = new GatewayClient("http://127.0.0.1:" + lake.port(), project);
        client.logIn(lakes.adminUser(), lakes.adminPassword());
        client.createProject();
        return client;
    }

    /** The project's containers, emptied of anything left (its objects were deleted through the lake). */
    private static void removeContainers(SwiftDirect swift, String project) {
        swift.deleteContainer(SwiftConfig.DEFAULT_CONTAINER_PREFIX + project);
        swift.deleteContainer(SwiftConfig.DEFAULT_CONTAINER_PREFIX + project + "_segments");
    }

    /** Random bytes (incompressible, nothing for a detector to find), written once; digests taken on the way. */
    private UploadThroughput.TestFile writeRandomFile(Path path, long size) throws IOException {
        long start = System.nanoTime();
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        SplittableRandom random = new SplittableRandom(size);
        byte[] buffer = new byte[1 << 20];
        try (OutputStream file = Files.newOutputStream(path)) {
            for (long written = 0; written < size; written += buffer.length) {
                for (int i = 0; i < buffer.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        buffer[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                int length = (int) Math.min(buffer.length, size - written);
                file.write(buffer, 0, length);
                sha256.update(buffer, 0, length);
                md5.update(buffer, 0, length);
            }
        }
        out.printf("generated %s: %,d bytes in %.1f s%n", path.getFileName(), size, (System.nanoTime() - start) / 1e9);
        return new UploadThroughput.TestFile(path, size, HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(md5.digest()));
    }

    /** The lakes take the port the Swift proxy filter posts to: nothing else may hold it (a running IT's lake, say). */
    private static void requireGatewayPortFree() throws IOException {
        try (ServerSocket probe = new ServerSocket(DistributedLakes.GATEWAY_PORT, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + DistributedLakes.GATEWAY_PORT + " is taken (a lake or an IT is running?): "
                    + "the benchmark's lakes need it, since the Swift proxy filter posts its events there", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
