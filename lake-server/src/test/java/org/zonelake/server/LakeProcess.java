package org.zonelake.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The packaged all-in-one server run as a child process, as {@code ./zonelake up} runs it. */
public final class LakeProcess implements AutoCloseable {
    private final Process process;
    private final Path output;
    public final int port;

    private LakeProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    static LakeProcess start(Path dataDir, Map<String, String> extraEnvironment) throws IOException {
        return start(dataDir, extraEnvironment, freePort());
    }

    /** On a given port: the distributed tier's Swift filter posts its events to a fixed address. */
    public static LakeProcess start(Path dataDir, Map<String, String> extraEnvironment, int port) throws IOException {
        String jar = System.getProperty("zonelake.server.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("The packaged server jar is missing (" + jar + "): run through Maven's verify phase");
        }
        Files.createDirectories(dataDir);
        Path output = Files.createTempFile(dataDir.getParent(), "lake-output-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = new HashMap<>(extraEnvironment);
        env.put("ZONELAKE_HTTP_PORT", Integer.toString(port));
        env.put("ZONELAKE_DATA_DIR", dataDir.toString());
        builder.environment().putAll(env);
        return new LakeProcess(builder.start(), output, port);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits until GET /health answers 200, failing early if the process dies. */
    public LakeProcess awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS); // poll interval, returns early if it dies
        }
        throw new IllegalStateException("The server did not become healthy within " + timeout + ":\n" + output());
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** SIGKILL: no shutdown hook runs, as in a power cut or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
