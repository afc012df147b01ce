package org.zonelake.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The lake's REST API as the distributed benchmark calls it, over OkHttp, the client the baseline's direct Swift PUT
 * uses too, so that both paths of the throughput figure pay the same client costs: log in, create a project, upload
 * one object in one multipart request (a file streamed from disk, or bytes), follow its run, delete it.
 */
final class GatewayClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final String base;
    private final String project;
    private String token;

    GatewayClient(String base, String project) {
        this.base = requireNonNull(base, "base is null");
        this.project = requireNonNull(project, "project is null");
        Duration timeout = Duration.ofMinutes(5);
        this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout).build();
    }

    void logIn(String user, String password) {
        JsonNode answer = send("POST", "/api/v1/auth/tokens", Map.of("username", user, "password", password), 201);
        token = answer.path("token").asText();
    }

    void createProject() {
        send("POST", "/api/v1/projects", Map.of("name", project), 201);
    }

    /** Uploads a file as one object, streamed from disk; answers the object's document. */
    JsonNode upload(String name, String contentType, Path file) {
        return upload(name, RequestBody.create(file.toFile(), MediaType.get(contentType)));
    }

    JsonNode upload(String name, String contentType, byte[] content) {
        return upload(name, RequestBody.create(content, MediaType.get(contentType)));
    }

    /** The newest run of an object, if it has one yet. */
    RunRecord latestRun(long objectId) {
        JsonNode items = send("GET", projectPath() + "/runs?object_id=" + objectId + "&limit=1", null, 200).path("items");
        return items.isEmpty() ? null : RunRecord.of(items.get(0));
    }

    /** Polls until the object's run has ended (in any state). */
    RunRecord awaitRunEnd(long objectId, Duration interval, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            RunRecord run = latestRun(objectId);
            if (run != null && run.ended()) {
                return run;
            }
            LakeClient.require(System.nanoTime() < deadline, "the run of object " + objectId + " did not end within " + timeout
                    + (run == null ? " (no run yet)" : " (state " + run.state() + ")"));
            Thread.sleep(interval.toMillis());
        }
    }

    void delete(long objectId) {
        send("DELETE", projectPath() + "/objects/" + objectId, null, 204);
    }

    private JsonNode upload(String name, RequestBody content) {
        MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("file", name, content).build();
        Request request = authorized(new Request.Builder().url(base + projectPath() + "/objects").post(body));
        return call(request, 201);
    }

    private String projectPath() {
        return "/api/v1/projects/" + project;
    }

    private JsonNode send(String method, String path, Object json, int expected) {
        RequestBody body = null;
        if (json != null) {
            try {
                body = RequestBody.create(JSON.writeValueAsBytes(json), APPLICATION_JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return call(authorized(new Request.Builder().url(base + path).method(method, body)), expected);
    }

    private Request authorized(Request.Builder request) {
        return (token == null ? request : request.header("X-Auth-Token", token)).build();
    }

    private JsonNode call(Request request, int expected) {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            LakeClient.require(response.code() == expected, request.method() + " " + request.url().encodedPath() + " answered "
                    + response.code() + ": " + body);
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot " + request.method() + " " + request.url().encodedPath(), e);
        }
    }
}
