package org.zonelake.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.config.ConfigSource;

/** The composition root started in this JVM: health, metrics, and data that outlives a restart. */
class LakeServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private LakeServer start() {
        LakeConfig config = LakeConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_DATA_DIR", data.toString(),
                "ZONELAKE_HTTP_PORT", "0",
                "ZONELAKE_ADMIN_PASSWORD", "test-admin-password")));
        return LakeServer.start(config, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(LakeServer lake, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lake.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersHealthAndPrometheusMetrics() throws Exception {
        try (LakeServer lake = start()) {
            HttpResponse<String> health = get(lake, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"metadata\"", "\"sql-zone\"", "\"timeseries-zone\"", "\"graph-zone\"");

            HttpResponse<String> metrics = get(lake, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void servesTheWebGuiPackagedByTheWebGuiModule() throws Exception {
        try (LakeServer lake = start()) {
            HttpResponse<String> page = get(lake, "/p/any-project/catalog");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<div id=\"root\"></div>");

            Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page.body());
            assertThat(script.find()).as("the page names its script: %s", page.body()).isTrue();
            HttpResponse<String> bundle = get(lake, script.group(1));
            assertThat(bundle.statusCode()).isEqualTo(200);
            assertThat(bundle.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
            assertThat(bundle.body()).contains("/api/v1/auth/tokens");
        }
    }

    @Test
    void keepsUsersAndProjectsAcrossARestart() throws Exception {
        String token;
        try (LakeServer lake = start()) {
            token = login(lake);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lake.port() + "/api/v1/projects"))
                    .header("X-Auth-Token", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"kept\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
        }
        try (LakeServer lake = start()) {
            String again = login(lake);
            HttpResponse<String> projects = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lake.port() + "/api/v1/projects"))
                    .header("X-Auth-Token", again).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(projects.body()).contains("\"kept\"");
        }
    }

    private String login(LakeServer lake) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lake.port() + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"test-admin-password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return Api.JSON.readTree(response.body()).get("token").asText();
    }
}
