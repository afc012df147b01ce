package org.zonelake.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class AirflowClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAG = "zonelake_object_stored";
    private static final String RUN = "zonelake:p1:42";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void startServer() throws IOException {
        server.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    private AirflowClient client(ApiVersion version) {
        return new AirflowClient(AirflowConfig.of(server.url("/").toString(), FakeAirflow.USER, FakeAirflow.PASSWORD, version));
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static JsonNode body(RecordedRequest request) throws IOException {
        return JSON.readTree(request.getBody().readUtf8());
    }

    @Test
    void logsInAndTriggersARunWithItsIdConfAndNoLogicalDateOnV2() throws Exception {
        server.enqueue(json(201, "{\"access_token\": \"t-1\"}"));
        server.enqueue(json(200, "{\"dag_run_id\": \"" + RUN + "\", \"state\": \"queued\"}"));

        TriggerOutcome outcome = client(ApiVersion.V2).triggerDagRun(DAG, RUN, Map.of("project", "p1", "object_id", 42));

        assertThat(outcome).isEqualTo(TriggerOutcome.CREATED);
        RecordedRequest login = server.takeRequest();
        assertThat(login.getMethod() + " " + login.getPath()).isEqualTo("POST /auth/token");
        assertThat(body(login).path("username").asText()).isEqualTo(FakeAirflow.USER);
        RecordedRequest trigger = server.takeRequest();
        assertThat(trigger.getMethod() + " " + trigger.getRequestUrl().encodedPath()).isEqualTo("POST /api/v2/dags/" + DAG + "/dagRuns");
        assertThat(trigger.getHeader("Authorization")).isEqualTo("Bearer t-1");
        JsonNode sent = body(trigger);
        assertThat(sent.path("dag_run_id").asText()).isEqualTo(RUN);
        assertThat(sent.has("logical_date") && sent.get("logical_date").isNull()).isTrue();
        assertThat(sent.path("conf").path("object_id").asLong()).isEqualTo(42);
    }

    @Test
    void triggersWithBasicAuthenticationOnV1() throws Exception {
        server.enqueue(json(200, "{\"dag_run_id\": \"" + RUN + "\", \"state\": \"queued\"}"));

        client(ApiVersion.V1).triggerDagRun(DAG, RUN, Map.of("project", "p1"));

        RecordedRequest trigger = server.takeRequest();
        assertThat(trigger.getRequestUrl().encodedPath()).isEqualTo("/api/v1/dags/" + DAG + "/dagRuns");
        assertThat(trigger.getHeader("Authorization")).isEqualTo(Credentials.basic(FakeAirflow.USER, FakeAirflow.PASSWORD));
        assertThat(body(trigger).has("logical_date")).isFalse();
    }

    @Test
    void takesARunThatAlreadyExistsAsTriggered() {
        server.enqueue(json(409, "{\"detail\": {\"reason\": \"Unique constraint violation\"}}"));

        assertThat(client(ApiVersion.V1).triggerDagRun(DAG, RUN, Map.of())).isEqualTo(TriggerOutcome.ALREADY_EXISTS);
    }

    @Test
    void logsInAgainOnceWhenAirflowNoLongerTakesTheToken() throws Exception {
        server.enqueue(json(201, "{\"access_token\": \"t-1\"}"));
        server.enqueue(json(200, "{\"dag_run_id\": \"" + RUN + "\", \"state\": \"running\"}"));
        server.enqueue(json(403, "{\"detail\": \"Invalid JWT token\"}"));
        server.enqueue(json(201, "{\"access_token\": \"t-2\"}"));
        server.enqueue(json(200, "{\"dag_run_id\": \"" + RUN + "\", \"state\": \"success\"}"));
        AirflowClient client = client(ApiVersion.V2);

        assertThat(client.findDagRun(DAG, RUN)).contains(new DagRun(DAG, RUN, DagRunState.RUNNING));
        assertThat(client.findDagRun(DAG, RUN)).contains(new DagRun(DAG, RUN, DagRunState.SUCCESS));

        assertThat(server.getRequestCount()).isEqualTo(5);
        server.takeRequest();
        server.takeRequest();
        server.takeRequest();
        assertThat(server.takeRequest().getPath()).isEqualTo("/auth/token");
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer t-2");
    }

    @Test
    void detectsAirflow2ByItsMissingV2ApiAndAirflow3ByItsVersion() {
        server.enqueue(new MockResponse().setResponseCode(404));
        server.enqueue(json(200, "{\"version\": \"3.3.2\"}"));

        assertThat(client(ApiVersion.AUTO).apiVersion()).isEqualTo(ApiVersion.V1);
        assertThat(client(ApiVersion.AUTO).apiVersion()).isEqualTo(ApiVersion.V2);
    }

    @Test
    void findsNoRunForAnUnknownIdAndTakesAnUnknownStateAsInProgress() {
        server.enqueue(json(404, "{\"detail\": \"DagRun not found\"}"));
        server.enqueue(json(200, "{\"dag_run_id\": \"" + RUN + "\", \"state\": \"up_for_something\"}"));
        AirflowClient client = client(ApiVersion.V1);

        assertThat(client.findDagRun(DAG, RUN)).isEmpty();
        assertThat(client.findDagRun(DAG, RUN).orElseThrow().state().isFinal()).isFalse();
    }

    @Test
    void unpausesOnlyAPausedDag() throws Exception {
        server.enqueue(json(200, "{\"dag_id\": \"" + DAG + "\", \"is_paused\": true}"));
        server.enqueue(json(200, "{\"dag_id\": \"" + DAG + "\", \"is_paused\": false}"));
        server.enqueue(json(200, "{\"dag_id\": \"" + DAG + "\", \"is_paused\": false}"));
        AirflowClient client = client(ApiVersion.V1);

        assertThat(client.unpause(DAG)).isTrue();
        assertThat(client.unpause(DAG)).isFalse();

        assertThat(server.getRequestCount()).isEqualTo(3);
        server.takeRequest();
        RecordedRequest patch = server.takeRequest();
        assertThat(patch.getMethod()).isEqualTo("PATCH");
        assertThat(body(patch).path("is_paused").asBoolean(true)).isFalse();
    }

    @Test
    void readsTheFailureReasonEachFailedTaskLeft() throws Exception {
        server.enqueue(json(200, "{\"task_instances\": [{\"task_id\": \"route_by_content_type\", \"state\": \"success\"},"
                + " {\"task_id\": \"spark_submit_tabular\", \"state\": \"failed\"}, {\"task_id\": \"spark_submit_json\", \"state\": \"failed\"}]}"));
        server.enqueue(json(200, "{\"key\": \"zonelake_failure\", \"value\": \"spark-submit exited 1: no master\"}"));
        server.enqueue(json(404, "{\"detail\": \"XCom entry not found\"}"));

        assertThat(client(ApiVersion.V1).failureReason(DAG, RUN))
                .contains("spark-submit exited 1: no master; Airflow task spark_submit_json failed");
        server.takeRequest();
        assertThat(server.takeRequest().getRequestUrl().pathSegments())
                .containsExactly("api", "v1", "dags", DAG, "dagRuns", RUN, "taskInstances", "spark_submit_tabular", "xcomEntries", "zonelake_failure");
    }

    @Test
    void hasNoFailureReasonWhenNoTaskFailed() {
        server.enqueue(json(200, "{\"task_instances\": [{\"task_id\": \"probe\", \"state\": \"success\"}]}"));

        assertThat(client(ApiVersion.V1).failureReason(DAG, RUN)).isEmpty();
    }

    @Test
    void anAirflowThatDoesNotAnswerIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AirflowClient client = new AirflowClient(AirflowConfig.of("http://127.0.0.1:" + closedPort, "", "", ApiVersion.V2));

        assertThatThrownBy(() -> client.findDagRun(DAG, RUN))
                .isInstanceOf(LakeException.class).hasMessageContaining("Cannot read run " + RUN).hasMessageContaining("does not answer")
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.PROCESS_ZONE_UNAVAILABLE);
    }

    @Test
    void aServerErrorIsRetryableAndARejectedRequestIsTheCallersFault() {
        server.enqueue(json(500, "{\"detail\": \"database is locked\"}"));
        server.enqueue(json(400, "{\"detail\": \"Dag with dag_id: 'zonelake_object_stored' has import errors\"}"));
        AirflowClient client = client(ApiVersion.V1);

        assertThatThrownBy(() -> client.triggerDagRun(DAG, RUN, Map.of())).isInstanceOf(LakeException.class)
                .hasMessageContaining("HTTP 500 ({\"detail\": \"database is locked\"})")
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.PROCESS_ZONE_UNAVAILABLE);
        assertThatThrownBy(() -> client.triggerDagRun(DAG, RUN, Map.of())).isInstanceOf(LakeException.class)
                .hasMessageContaining("has import errors")
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void aRefusedLoginNamesTheUserButNeverThePassword() {
        server.enqueue(json(401, "{\"detail\": \"Invalid credentials\"}"));

        assertThatThrownBy(() -> client(ApiVersion.V2).findDagRun(DAG, RUN)).isInstanceOf(LakeException.class)
                .hasMessageContaining("Cannot log in to Airflow as " + FakeAirflow.USER).hasMessageContaining("HTTP 401")
                .hasMessageNotContaining(FakeAirflow.PASSWORD)
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.PROCESS_ZONE_UNAVAILABLE);
    }

    @Test
    void anAnswerThatIsNoJsonIsRetryable() {
        server.enqueue(new MockResponse().setBody("<html>proxy error</html>"));

        assertThatThrownBy(() -> client(ApiVersion.V1).findDagRun(DAG, RUN)).isInstanceOf(LakeException.class)
                .hasMessageContaining("no JSON document")
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.PROCESS_ZONE_UNAVAILABLE);
    }
}
