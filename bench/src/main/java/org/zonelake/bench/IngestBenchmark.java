package org.zonelake.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.server.LakeConfig;
import org.zonelake.server.LakeServer;

/**
 * Measures, in one run, on a fresh all-in-one lake in a temporary data directory:
 * <ol>
 *   <li>upload throughput of one large object through the gateway against writing the same bytes to the same disk
 *       directly (with the same fsync), and their ratio;</li>
 *   <li>the ingest rate of small objects from concurrent clients, metadata document included.</li>
 * </ol>
 * Arguments (all optional): {@code --size-mib 1024 --warm-up-mib <size-mib> --small-kib 10 --clients 16 --small-count 20000
 * --dir /path}.
 */
public final class IngestBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench-admin-password";
    private static final int BUFFER = 1 << 20;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final PrintStream out = System.out;
    private String base;
    private String token;

    public static void main(String[] args) throws Exception {
        // Before the first logger exists: one log line per request would cost more than what is measured.
        System.setProperty("ZONELAKE_LOG_LEVEL", System.getProperty("ZONELAKE_LOG_LEVEL", "WARN"));
        System.setProperty("ZONELAKE_LOG_DIR", System.getProperty("ZONELAKE_LOG_DIR",
                Path.of(System.getProperty("java.io.tmpdir"), "zonelake-bench-logs").toString()));
        Map<String, String> options = Options.parse(args);
        new IngestBenchmark().run(
                Long.parseLong(options.getOrDefault("size-mib", "1024")),
                Long.parseLong(options.getOrDefault("warm-up-mib", options.getOrDefault("size-mib", "1024"))),
                Integer.parseInt(options.getOrDefault("small-kib", "10")),
                Integer.parseInt(options.getOrDefault("clients", "16")),
                Integer.parseInt(options.getOrDefault("small-count", "20000")),
                Path.of(options.getOrDefault("dir", System.getProperty("java.io.tmpdir"))));
    }

    private void run(long sizeMib, long warmUpMib, int smallKib, int clients, int smallCount, Path parent) throws Exception {
        Path work = Files.createTempDirectory(parent, "zonelake-bench-");
        out.printf("Zonelake ingest benchmark: %d cores, max heap %d MiB, work dir %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, work);
        LakeConfig config = LakeConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_DATA_DIR", work.resolve("data").toString(),
                "ZONELAKE_HTTP_PORT", "0",
                "ZONELAKE_ADMIN_PASSWORD", PASSWORD,
                "ZONELAKE_LIMITS_MAX_OBJECT_BYTES", (sizeMib + 1) + "MiB")));
        try (LakeServer lake = LakeServer.start(config, Clock.systemUTC(), System.out)) {
            base = "http://127.0.0.1:" + lake.port();
            token = login();
            post("/api/v1/projects", "{\"name\":\"bench\"}");
            largeObject(sizeMib << 20, warmUpMib << 20, work);
            smallObjects(smallKib << 10, clients, smallCount);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Both paths run once untimed first (by default with an object of the same size), so that the figures are those of
     * a running server and not of the JIT compiler: a cold process spends about a core-second compiling the upload path
     * on its first gigabyte, on cores that the upload needs.
     */
    private void largeObject(long size, long warmUpSize, Path work) throws Exception {
        Path direct = work.resolve("direct.bin");
        for (long warmedUp = 0, step; warmedUp < warmUpSize; warmedUp += step) {
            step = Math.min(size, warmUpSize - warmedUp);
            writeDirectly(direct, step);
            Files.delete(direct);
            upload("warm-up.bin", step);
        }
        Measurement directWrite = Measurement.of(size, () -> writeDirectly(direct, size));
        // Outside the measurement: removing a large file costs the file system a while, and is no part of writing it.
        Files.delete(direct);
        Measurement upload = Measurement.of(size, () -> upload("large.bin", size));
        out.printf("large object: %d MiB after a warm-up of %d MiB (CPU: core-seconds of this process, client and server)%n",
                size >> 20, warmUpSize >> 20);
        out.printf("  direct disk write (fsync)   %8.1f MiB/s   CPU %5.2f s%n", directWrite.mibPerSecond(), directWrite.cpuSeconds());
        out.printf("  upload through the gateway  %8.1f MiB/s   CPU %5.2f s%n", upload.mibPerSecond(), upload.cpuSeconds());
        out.printf("  ratio gateway/direct        %8.2f   (aim: >= 0.8)%n", upload.mibPerSecond() / directWrite.mibPerSecond());
    }

    /** The baseline: the same bytes written to the same disk, with one fsync. */
    private static void writeDirectly(Path file, long size) throws IOException {
        try (var channel = Files.newByteChannel(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            new PatternStream(size).transferTo(out);
            ((java.nio.channels.FileChannel) channel).force(true);
        }
    }

    private void upload(String name, long size) throws IOException {
        Answer answer = streamMultipart(name, new PatternStream(size), size);
        require(answer.status() == 201, "upload of " + name + " answered " + answer.status() + ": " + answer.body());
    }

    private void smallObjects(int size, int clients, int count) throws Exception {
        byte[] body = new byte[size];
        ThreadLocalRandom.current().nextBytes(body);
        warmUp(body);
        AtomicLong remaining = new AtomicLong(count);
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    HttpResponse<String> r = uploadMultipart("small-" + remaining.get() + ".bin", new java.io.ByteArrayInputStream(body), size);
                    if (r.statusCode() != 201) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        out.printf("small objects: %d x %d KiB from %d concurrent clients%n", count, size >> 10, clients);
        out.printf("  ingest rate                 %8.0f objects/s   (aim: >= 1000)%n", count / (elapsed / 1e9));
        out.printf("  failed uploads              %8d%n", failures.get());
    }

    private void warmUp(byte[] body) throws Exception {
        for (int i = 0; i < 200; i++) {
            uploadMultipart("warm-up.bin", new java.io.ByteArrayInputStream(body), body.length);
        }
    }

    private HttpResponse<String> uploadMultipart(String name, InputStream content, long size) throws IOException, InterruptedException {
        String boundary = "zonelake-bench-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/bench/objects"))
                .header("X-Auth-Token", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                                new java.io.ByteArrayInputStream(head), content, new java.io.ByteArrayInputStream(tail))))),
                        head.length + size + tail.length))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Uploads one large object the way a lean client does: the multipart body streamed with a declared length in
     * {@link #BUFFER}-sized writes. The client shares the cores with the gateway, so its own copies count against the
     * gateway; the JDK HttpClient with {@code ofInputStream} moves the body in small chunks through its own executor and
     * costs several times more.
     */
    private Answer streamMultipart(String name, InputStream content, long size) throws IOException {
        String boundary = "zonelake-bench-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + "/api/v1/projects/bench/objects").toURL().openConnection();
        try {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("X-Auth-Token", token);
            connection.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + boundary);
            connection.setFixedLengthStreamingMode(head.length + size + tail.length);
            try (OutputStream body = connection.getOutputStream()) {
                body.write(head);
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = content.readNBytes(buffer, 0, buffer.length)) > 0) {
                    body.write(buffer, 0, n);
                }
                body.write(tail);
            }
            int status = connection.getResponseCode();
            try (InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return new Answer(status, answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            connection.disconnect();
        }
    }

    private String login() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        require(r.statusCode() == 201, "login answered " + r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        return body.get("token").asText();
    }

    private void post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("X-Auth-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        require(r.statusCode() / 100 == 2, path + " answered " + r.statusCode() + ": " + r.body());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A stream of {@code size} bytes of a repeating non-trivial pattern, generated on the fly (nothing held in memory). */
    static final class PatternStream extends InputStream {
        private final byte[] block = new byte[BUFFER];
        private long remaining;

        PatternStream(long size) {
            this.remaining = size;
            new java.util.Random(42).nextBytes(block);
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return block[(int) (remaining % BUFFER)] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, remaining), BUFFER);
            int start = (int) (remaining % BUFFER);
            int first = Math.min(n, BUFFER - start);
            System.arraycopy(block, start, b, off, first);
            if (first < n) {
                System.arraycopy(block, 0, b, off + first, n - first);
            }
            remaining -= n;
            return n;
        }
    }

    private record Answer(int status, String body) {}

    /** Throughput and the CPU time the whole process spent (client and server share it, as they share the cores). */
    private record Measurement(double mibPerSecond, double cpuSeconds) {
        interface Run {
            void run() throws Exception;
        }

        static Measurement of(long bytes, Run run) throws Exception {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            run.run();
            long nanos = System.nanoTime() - start;
            return new Measurement((bytes / 1048576.0) / (nanos / 1e9), (os.getProcessCpuTime() - cpu) / 1e9);
        }
    }

    /** {@code --name value} pairs. */
    static final class Options {
        static Map<String, String> parse(String[] args) {
            Map<String, String> options = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("Expected --name value, got " + args[i]);
                }
                options.put(args[i].substring(2), args[i + 1]);
            }
            return options;
        }
    }
}
