package org.zonelake.ingest.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class ObservabilityTest {
    private static TestLake lake;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start();
        lake.createProject("alpha");
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void metricsArePrometheusTextWithHttpTimersByRouteTemplateAndJvmMeters() {
        lake.get("/api/v1/projects/alpha", lake.adminToken());
        lake.get("/api/v1/projects/alpha", null);

        Response answer = lake.get("/metrics", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(answer.text())
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/v1/projects/{project}\"")
                .contains("status=\"401\"")
                .doesNotContain("uri=\"/api/v1/projects/alpha\"")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_gc_")
                .contains("jvm_threads_live_threads")
                .contains("process_cpu_usage");
    }

    @Test
    void unknownPathsShareOneUnmatchedSeries() {
        lake.get("/no/such/path/" + System.nanoTime(), null);

        assertThat(lake.get("/metrics", null).text()).contains("uri=\"unmatched\"").doesNotContain("/no/such/path");
    }

    @Test
    void everyAnswerCarriesARequestIdAndProblemsRepeatIt() {
        for (Response answer : List.of(
                lake.get("/health", null),
                lake.get("/api/openapi.json", null),
                lake.get("/api/v1/projects", lake.adminToken()),
                lake.get("/api/v1/projects", null),
                lake.get("/api/v1/projects/unknown", lake.adminToken()),
                lake.post("/api/v1/auth/tokens", null, "{broken"),
                lake.get("/no/such/route", null))) {
            String requestId = answer.header("X-Request-Id").orElseThrow();
            assertThat(requestId).isNotBlank();
            if (answer.status() >= 400) {
                assertThat(answer.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
                assertThat(answer.json().path("request_id").asText()).isEqualTo(requestId);
                assertThat(answer.json().path("status").asInt()).isEqualTo(answer.status());
            }
        }
    }

    @Test
    void aSaneClientRequestIdIsKeptAndAnInsaneOneReplaced() {
        Response kept = lake.send(lake.request("/api/v1/projects", null).header("X-Request-Id", "client-id-12345").GET());
        Response replaced = lake.send(lake.request("/api/v1/projects", null).header("X-Request-Id", "bad id!").GET());

        assertThat(kept.header("X-Request-Id")).contains("client-id-12345");
        assertThat(kept.json().path("request_id").asText()).isEqualTo("client-id-12345");
        assertThat(replaced.header("X-Request-Id").orElseThrow()).isNotEqualTo("bad id!");
    }

    @Test
    void unknownRouteIsAProblemWithRouteNotFound() {
        Response answer = lake.get("/nothing-here", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("route_not_found");
    }

    @Test
    void loginAnswersAreNotCached() {
        Response answer = lake.post("/api/v1/auth/tokens", null, Map.of("username", TestLake.ADMIN_USERNAME, "password", TestLake.ADMIN_PASSWORD));

        assertThat(answer.header("Cache-Control")).contains("no-store");
    }
}
