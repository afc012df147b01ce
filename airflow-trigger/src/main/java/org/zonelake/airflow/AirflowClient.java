package org.zonelake.airflow;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of Airflow's REST API the lake uses, in both flavours: Airflow 3's {@code /api/v2} with a bearer token
 * from {@code POST /auth/token} (fetched again when it expires), and Airflow 2's {@code /api/v1} with basic
 * authentication. {@link ApiVersion#AUTO} asks the server once which one it speaks.
 */
public final class AirflowClient {
    /** The XCom in which the lake's DAGs leave why a task failed for good (pipelines/airflow/dags). */
    public static final String FAILURE_XCOM_KEY = "zonelake_failure";
    private static final Logger LOG = LoggerFactory.getLogger(AirflowClient.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final long MAX_ANSWER_BYTES = 1 << 20;

    private final AirflowConfig config;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private volatile ApiVersion version;
    private volatile String token;

    public AirflowClient(AirflowConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.base = HttpUrl.get(config.url());
        Duration timeout = config.requestTimeout();
        this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2)).build();
        this.version = config.apiVersion() == ApiVersion.AUTO ? null : config.apiVersion();
    }

    /** The API version in use: the configured one, or the one the server speaks. */
    public ApiVersion apiVersion() {
        ApiVersion resolved = version;
        if (resolved == null) {
            Answer answer = send(new Request.Builder().url(base.newBuilder().addPathSegments("api/v2/version").build()).get(), false,
                    "Cannot ask Airflow for its API version");
            // Airflow 2 has no /api/v2 at all; Airflow 3 answers (200, or 401/403 where the version needs a login).
            resolved = answer.status() == 404 ? ApiVersion.V1 : ApiVersion.V2;
            version = resolved;
            LOG.info("Airflow at {} speaks REST API {}", base, resolved.wireName());
        }
        return resolved;
    }

    /** Triggers a run of {@code dagId} with the id and conf given; a run with that id already there is no error. */
    public TriggerOutcome triggerDagRun(String dagId, String dagRunId, Map<String, ?> conf) {
        String context = String.format("Cannot trigger run %s of DAG %s", dagRunId, dagId);
        ObjectNode body = json.createObjectNode().put("dag_run_id", dagRunId);
        if (apiVersion() == ApiVersion.V2) {
            body.putNull("logical_date");
        }
        body.set("conf", json.valueToTree(conf));
        Answer answer = call("POST", api("dags", dagId, "dagRuns"), body, context);
        return switch (answer.status()) {
            case 200, 201 -> TriggerOutcome.CREATED;
            case 409 -> TriggerOutcome.ALREADY_EXISTS;
            default -> throw AirflowErrors.answered(context, answer.status(), answer.body());
        };
    }

    /** The DAG run, or empty if Airflow has none with that id. */
    public Optional<DagRun> findDagRun(String dagId, String dagRunId) {
        String context = String.format("Cannot read run %s of DAG %s", dagRunId, dagId);
        Answer answer = call("GET", api("dags", dagId, "dagRuns", dagRunId), null, context);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        JsonNode run = okJson(answer, context);
        return Optional.of(new DagRun(dagId, dagRunId, DagRunState.fromWire(run.path("state").asText(null))));
    }

    /** Unpauses the DAG if it is paused (Airflow pauses new DAGs by default); returns whether it was paused. */
    public boolean unpause(String dagId) {
        String context = String.format("Cannot unpause DAG %s", dagId);
        JsonNode dag = okJson(call("GET", api("dags", dagId), null, context), context);
        if (!dag.path("is_paused").asBoolean(false)) {
            return false;
        }
        okJson(call("PATCH", api("dags", dagId), json.createObjectNode().put("is_paused", false), context), context);
        LOG.info("Unpaused Airflow DAG {}", dagId);
        return true;
    }

    /**
     * Why a DAG run failed: the reason the DAG's failure callback left in the {@link #FAILURE_XCOM_KEY} XCom of each
     * failed task, or, where a task left none, that it failed. Empty when no task failed.
     */
    public Optional<String> failureReason(String dagId, String dagRunId) {
        List<String> reasons = new ArrayList<>();
        for (String taskId : failedTasks(dagId, dagRunId)) {
            reasons.add(xcomValue(dagId, dagRunId, taskId, FAILURE_XCOM_KEY)
                    .map(value -> value.isTextual() ? value.asText() : value.toString())
                    .orElse("Airflow task " + taskId + " failed"));
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** The value of one XCom of a task of the run, or empty if there is none. */
    public Optional<JsonNode> xcomValue(String dagId, String dagRunId, String taskId, String key) {
        String context = String.format("Cannot read XCom %s of task %s in run %s of DAG %s", key, taskId, dagRunId, dagId);
        Answer answer = call("GET", api("dags", dagId, "dagRuns", dagRunId, "taskInstances", taskId, "xcomEntries", key), null, context);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(okJson(answer, context).path("value"));
    }

    private List<String> failedTasks(String dagId, String dagRunId) {
        String context = String.format("Cannot list the tasks of run %s of DAG %s", dagRunId, dagId);
        JsonNode instances = okJson(call("GET", api("dags", dagId, "dagRuns", dagRunId, "taskInstances"), null, context), context)
                .path("task_instances");
        List<String> failed = new ArrayList<>();
        for (JsonNode instance : instances) {
            if ("failed".equals(instance.path("state").asText())) {
                failed.add(instance.path("task_id").asText());
            }
        }
        return failed;
    }

    private HttpUrl api(String... segments) {
        HttpUrl.Builder url = base.newBuilder().addPathSegments(apiVersion().path());
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url.build();
    }

    private Answer call(String method, HttpUrl url, JsonNode body, String context) {
        RequestBody payload = body == null ? null : RequestBody.create(body.toString(), JSON_TYPE);
        return send(new Request.Builder().url(url).method(method, payload).header("Accept", "application/json"), true, context);
    }

    /** Sends the request; with a bearer token that Airflow no longer takes, fetches a new one and sends it once more. */
    private Answer send(Request.Builder request, boolean authenticate, String context) {
        boolean bearer = authenticate && config.authenticated() && apiVersion() == ApiVersion.V2;
        Answer answer = execute(authenticate ? authorized(request, bearer) : request, context);
        if (bearer && (answer.status() == 401 || answer.status() == 403)) {
            token = null;
            answer = execute(authorized(request, true), context);
        }
        return answer;
    }

    private Request.Builder authorized(Request.Builder request, boolean bearer) {
        if (!config.authenticated()) {
            return request;
        }
        return request.header("Authorization", bearer ? "Bearer " + token()
                : Credentials.basic(config.user(), config.password(), StandardCharsets.UTF_8));
    }

    private String token() {
        String current = token;
        if (current != null) {
            return current;
        }
        String context = "Cannot log in to Airflow as " + config.user();
        ObjectNode login = json.createObjectNode().put("username", config.user()).put("password", config.password());
        Answer answer = execute(new Request.Builder().url(base.newBuilder().addPathSegments("auth/token").build())
                .post(RequestBody.create(login.toString(), JSON_TYPE)), context);
        String fresh = okJson(answer, context).path("access_token").asText("");
        if (fresh.isEmpty()) {
            throw AirflowErrors.unreadable(context, "access_token");
        }
        token = fresh;
        return fresh;
    }

    private Answer execute(Request.Builder request, String context) {
        try (Response response = http.newCall(request.build()).execute()) {
            // Airflow's answers are small documents; peekBody bounds what one can make us hold.
            return new Answer(response.code(), response.peekBody(MAX_ANSWER_BYTES).string());
        } catch (IOException e) {
            throw AirflowErrors.unreachable(context, base.toString(), e);
        }
    }

    private JsonNode okJson(Answer answer, String context) {
        if (answer.status() < 200 || answer.status() > 299) {
            throw AirflowErrors.answered(context, answer.status(), answer.body());
        }
        try {
            return json.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw AirflowErrors.unreadable(context, "JSON document");
        }
    }

    /** An HTTP answer: status and body text. */
    private record Answer(int status, String body) {}
}
