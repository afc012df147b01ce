package org.zonelake.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Credentials;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Airflow's REST API as far as the lake uses it, in memory, for MockWebServer: one DAG, its runs (the test sets
 * their states), the failure XComs, the pause flag, a login for v2 and basic authentication for v1.
 */
final class FakeAirflow extends Dispatcher {
    static final String USER = "lake";
    static final String PASSWORD = "pa55-word";
    private static final ObjectMapper JSON = new ObjectMapper();

    final ApiVersion version;
    final String dagId;
    final Map<String, String> states = new ConcurrentHashMap<>();
    final Map<String, JsonNode> confs = new ConcurrentHashMap<>();
    final Map<String, String> failureReasons = new ConcurrentHashMap<>();
    final List<String> triggered = new ArrayList<>();
    final AtomicInteger logins = new AtomicInteger();
    volatile boolean paused = true;
    volatile boolean down;

    FakeAirflow(ApiVersion version, String dagId) {
        this.version = version;
        this.dagId = dagId;
    }

    /** Sets a run's state as the scheduler would. */
    void finish(String runId, String state, String failureReason) {
        states.put(runId, state);
        if (failureReason != null) {
            failureReasons.put(runId, failureReason);
        }
    }

    synchronized List<String> triggered() {
        return List.copyOf(triggered);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (down) {
            return new MockResponse().setResponseCode(503).setBody("{\"detail\": \"scheduler is restarting\"}");
        }
        List<String> path = request.getRequestUrl().pathSegments();
        String api = version == ApiVersion.V2 ? "v2" : "v1";
        if (path.equals(List.of("auth", "token")) && version == ApiVersion.V2) {
            return login(request);
        }
        if (path.equals(List.of("api", "v2", "version"))) {
            return version == ApiVersion.V2 ? json("{\"version\": \"3.3.2\"}") : new MockResponse().setResponseCode(404);
        }
        if (path.size() < 4 || !path.get(0).equals("api") || !path.get(1).equals(api) || !path.get(3).equals(dagId)) {
            return new MockResponse().setResponseCode(404).setBody("{\"detail\": \"not found\"}");
        }
        if (!authorized(request)) {
            return new MockResponse().setResponseCode(401).setBody("{\"detail\": \"Not authenticated\"}");
        }
        return route(request, path.subList(4, path.size()));
    }

    private MockResponse route(RecordedRequest request, List<String> rest) {
        String method = request.getMethod();
        if (rest.isEmpty()) {
            if (method.equals("PATCH")) {
                paused = read(request).path("is_paused").asBoolean();
            }
            return json("{\"dag_id\": \"" + dagId + "\", \"is_paused\": " + paused + "}");
        }
        if (rest.size() == 1 && method.equals("POST")) {
            return trigger(read(request));
        }
        String runId = rest.get(1);
        if (!states.containsKey(runId)) {
            return new MockResponse().setResponseCode(404).setBody("{\"detail\": \"DagRun not found\"}");
        }
        if (rest.size() == 2) {
            return json("{\"dag_run_id\": \"" + runId + "\", \"state\": \"" + states.get(runId) + "\"}");
        }
        if (rest.size() == 3) {
            boolean failed = states.get(runId).equals("failed");
            return json("{\"task_instances\": [{\"task_id\": \"route_by_content_type\", \"state\": \"success\"},"
                    + "{\"task_id\": \"spark_submit_tabular\", \"state\": \"" + (failed ? "failed" : "success") + "\"}]}");
        }
        String reason = failureReasons.get(runId);
        if (reason == null || !rest.get(5).equals(AirflowClient.FAILURE_XCOM_KEY)) {
            return new MockResponse().setResponseCode(404).setBody("{\"detail\": \"XCom entry not found\"}");
        }
        ObjectNode entry = JSON.createObjectNode().put("key", AirflowClient.FAILURE_XCOM_KEY).put("value", reason);
        return json(entry.toString());
    }

    private synchronized MockResponse trigger(JsonNode body) {
        String runId = body.path("dag_run_id").asText();
        if (states.containsKey(runId)) {
            return new MockResponse().setResponseCode(409).setBody("{\"detail\": \"Unique constraint violation\"}");
        }
        states.put(runId, "queued");
        confs.put(runId, body.path("conf"));
        triggered.add(runId);
        return json("{\"dag_run_id\": \"" + runId + "\", \"state\": \"queued\"}");
    }

    private MockResponse login(RecordedRequest request) {
        JsonNode body = read(request);
        if (!USER.equals(body.path("username").asText()) || !PASSWORD.equals(body.path("password").asText())) {
            return new MockResponse().setResponseCode(401).setBody("{\"detail\": \"Invalid credentials\"}");
        }
        return json("{\"access_token\": \"token-" + logins.incrementAndGet() + "\"}").setResponseCode(201);
    }

    private boolean authorized(RecordedRequest request) {
        String header = request.getHeader("Authorization");
        return version == ApiVersion.V2
                ? header != null && header.equals("Bearer token-" + logins.get())
                : Credentials.basic(USER, PASSWORD).equals(header);
    }

    private static JsonNode read(RecordedRequest request) {
        try {
            return JSON.readTree(request.getBody().readUtf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }
}
