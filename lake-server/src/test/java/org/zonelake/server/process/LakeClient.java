package org.zonelake.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The lake's REST API as the process-zone tests call it: uploads, runs awaited with a deadline, and the processed
 * zones read back. Every call carries the admin's token; answers other than the expected status fail the test.
 */
final class LakeClient {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: a first Spark job in a cold JVM takes seconds. */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();
    private static final Set<String> FINAL_STATES = Set.of("succeeded", "failed", "not_handled", "cancelled");
    private static final AtomicInteger PROJECTS = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;
    private final String token;

    /** An answer: its status and body. */
    record Reply(int status, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    LakeClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    static LakeClient login(int port, String username, String password) {
        LakeClient anonymous = new LakeClient(port, null);
        Reply reply = anonymous.send("POST", "/api/v1/auth/tokens", Map.of("username", username, "password", password));
        assertThat(reply.status()).as("login: %s", reply.text()).isEqualTo(201);
        return new LakeClient(port, reply.json().path("token").asText());
    }

    /** Creates a project named {@code prefix} and a number, so that a class run twice in one lake still starts afresh. */
    String newProject(String prefix) {
        String name = prefix + "-" + PROJECTS.incrementAndGet();
        expect(201, send("POST", "/api/v1/projects", Map.of("name", name)));
        return name;
    }

    static String projectPath(String project) {
        return "/api/v1/projects/" + project;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Uploads one object in one request; answers its document. */
    JsonNode upload(String project, String fileName, byte[] content) {
        return upload(project, fileName, content, null);
    }

    JsonNode upload(String project, String fileName, byte[] content, String metadataJson) {
        String boundary = "process-zone-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        if (metadataJson != null) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"metadata\"\r\n")
                    .append("Content-Type: application/json\r\n\r\n").append(metadataJson).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = request(projectPath(project) + "/objects")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return expect(201, call(request)).json();
    }

    /** GET answering 200 with JSON. */
    JsonNode json(String path) {
        return expect(200, get(path)).json();
    }

    /** GET answering 200 with text. */
    String text(String path) {
        return expect(200, get(path)).text();
    }

    /** GET answering 200, the bytes. */
    byte[] bytes(String path) {
        return expect(200, get(path)).body();
    }

    Reply get(String path) {
        return call(request(path).GET().build());
    }

    /** A call with a JSON body (or none, when {@code body} is null). */
    Reply send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                            : JSON.writeValueAsBytes(body));
            return call(request(path).header("Content-Type", "application/json").method(method, publisher).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the object's run is final; answers it. An object has one run (one pipeline). */
    JsonNode awaitRun(String project, long objectId) {
        return awaitRun(project, objectId, RUN_TIMEOUT);
    }

    JsonNode awaitRun(String project, long objectId, Duration timeout) {
        String path = projectPath(project) + "/runs?object_id=" + objectId;
        JsonNode runs = await("the run of object " + objectId + " to end", timeout, () -> json(path).path("items"),
                items -> items.size() > 0 && isFinal(items.get(0)));
        assertThat(runs.size()).as("runs of object %d: %s", objectId, runs).isEqualTo(1);
        return runs.get(0);
    }

    /** Redoes a run ({@code body} null for the whole run) and waits until this new generation has ended. */
    JsonNode redo(String project, String runId, Object body) {
        return redo(project, runId, body, RUN_TIMEOUT);
    }

    JsonNode redo(String project, String runId, Object body, Duration timeout) {
        JsonNode queued = expect(202, send("POST", projectPath(project) + "/runs/" + runId + "/redo", body)).json();
        String queuedAt = queued.path("queued_at").asText();
        return await("redone run " + runId + " to end", timeout, () -> json(projectPath(project) + "/runs/" + runId),
                run -> run.path("queued_at").asText().equals(queuedAt) && isFinal(run));
    }

    private static boolean isFinal(JsonNode run) {
        return FINAL_STATES.contains(run.path("state").asText());
    }

    /** Polls {@code read} until {@code done} holds, failing after {@link #RUN_TIMEOUT}. */
    static <T> T await(String what, Supplier<T> read, Predicate<T> done) {
        return await(what, RUN_TIMEOUT, read, done);
    }

    static <T> T await(String what, Duration timeout, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last seen: " + value);
            }
            LockSupport.parkNanos(POLL_NANOS);
            value = read.get();
        }
        return value;
    }

    static Reply expect(int status, Reply reply) {
        assertThat(reply.status()).as("answer: %s", reply.text()).isEqualTo(status);
        return reply;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return request;
    }

    private Reply call(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted calling " + request.uri(), e);
        }
    }
}
