package org.zonelake.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * What happened between the lake's trigger and its run's start, from Airflow's REST API (the DAG run the lake triggered
 * for the object, and its spark-submit task) and the Spark master's {@code /json/} (the application the task submitted).
 * Airflow 3's {@code /api/v2} with a JWT from {@code POST /auth/token}, Airflow 2's {@code /api/v1} with basic auth.
 */
final class AirflowTimeline {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAG_ID = "zonelake_object_stored";
    private static final Set<String> FINAL = Set.of("success", "failed");

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private final HttpUrl airflow;
    private final String user;
    private final String password;
    private final boolean v2;
    private final HttpUrl sparkMaster;
    private String authorization;

    /** The times of one object's DAG run; a time Airflow or Spark did not give is null. */
    record Times(Instant dagRunQueued, Instant dagRunStarted, Instant taskStarted, Instant sparkAppStarted, Instant taskEnded,
                 Instant dagRunEnded) {}

    AirflowTimeline(String airflowUrl, String user, String password, String apiVersion, String sparkMasterUi) {
        this.airflow = HttpUrl.get(airflowUrl);
        this.user = user;
        this.password = password;
        this.v2 = !apiVersion.equalsIgnoreCase("v1");
        this.sparkMaster = HttpUrl.get(sparkMasterUi);
    }

    /**
     * Waits until the object's DAG run has ended (its spark-submit task exits a little after the job has recorded the
     * run's end), so that the next object meets an idle Airflow and cluster; answers its times.
     */
    Times awaitEnd(String project, long objectId, Duration timeout) throws InterruptedException {
        String runId = "zonelake:" + project + ":" + objectId;
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode dagRun = get(api("dags", DAG_ID, "dagRuns", runId));
        while (!FINAL.contains(dagRun.path("state").asText())) {
            LakeClient.require(System.nanoTime() < deadline, "DAG run " + runId + " did not end within " + timeout + ": " + dagRun.path("state"));
            Thread.sleep(100);
            dagRun = get(api("dags", DAG_ID, "dagRuns", runId));
        }
        JsonNode task = sparkSubmitTask(runId);
        return new Times(instant(dagRun, "queued_at"), instant(dagRun, "start_date"), instant(task, "start_date"),
                sparkAppStarted("zonelake-" + project + "-" + objectId), instant(task, "end_date"), instant(dagRun, "end_date"));
    }

    private JsonNode sparkSubmitTask(String runId) {
        for (JsonNode task : get(api("dags", DAG_ID, "dagRuns", runId, "taskInstances")).path("task_instances")) {
            if (task.path("task_id").asText().startsWith("spark_submit_") && !task.path("start_date").isNull()) {
                return task;
            }
        }
        return JSON.createObjectNode();
    }

    /** When the Spark master registered the application of that name (epoch milliseconds in its JSON). */
    private Instant sparkAppStarted(String name) {
        JsonNode master = get(sparkMaster.newBuilder().addPathSegment("json").addPathSegment("").build());
        for (String list : new String[] {"completedapps", "activeapps"}) {
            for (JsonNode app : master.path(list)) {
                if (app.path("name").asText().equals(name)) {
                    return Instant.ofEpochMilli(app.path("starttime").asLong());
                }
            }
        }
        return null;
    }

    private HttpUrl api(String... segments) {
        HttpUrl.Builder url = airflow.newBuilder().addPathSegment("api").addPathSegment(v2 ? "v2" : "v1");
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url.build();
    }

    private JsonNode get(HttpUrl url) {
        Request.Builder request = new Request.Builder().url(url).get();
        if (url.port() == airflow.port()) {
            request.header("Authorization", authorization());
        }
        return call(request.build());
    }

    private String authorization() {
        if (authorization == null) {
            authorization = v2 ? "Bearer " + call(new Request.Builder().url(airflow.newBuilder().addPathSegments("auth/token").build())
                    .post(RequestBody.create(JSON.createObjectNode().put("username", user).put("password", password).toString(),
                            MediaType.get("application/json"))).build()).path("access_token").asText()
                    : Credentials.basic(user, password, StandardCharsets.UTF_8);
        }
        return authorization;
    }

    private JsonNode call(Request request) {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            LakeClient.require(response.isSuccessful(), request.method() + " " + request.url().encodedPath() + " answered " + response.code());
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot " + request.method() + " " + request.url().encodedPath(), e);
        }
    }

    private static Instant instant(JsonNode node, String field) {
        String value = node.path(field).asText("");
        return value.isEmpty() || value.equals("null") ? null : OffsetDateTime.parse(value).toInstant();
    }
}
