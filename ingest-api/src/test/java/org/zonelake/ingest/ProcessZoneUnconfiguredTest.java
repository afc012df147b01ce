package org.zonelake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.ingest.TestLake.Response;

/** A gateway wired without a process zone (the services' old constructor) serves its endpoints as 503s that say why. */
class ProcessZoneUnconfiguredTest {
    private static TestLake lake;
    private static Gateway gateway;

    @BeforeAll
    static void startGateway() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        lake.createProject("bare");
        GatewayServices real = lake.services();
        GatewayServices withoutProcessZone = new GatewayServices(real.identity(), real.audit(), real.objectStore(), real.objects(),
                real.templates(), real.uploads(), real.ingest(), real.metadataDurability(), real.uploadStaging(), real.limits(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), real.healthChecks(), real.clock());
        gateway = new Gateway(GatewayConfig.loopbackEphemeral(), withoutProcessZone);
        gateway.start();
    }

    @AfterAll
    static void stop() {
        gateway.stop();
        lake.close();
    }

    @Test
    void processEndpointsAnswerThatTheGoldZoneIsUnavailable() {
        for (String path : List.of("runs", "routes", "timeseries", "tables", "graph/export")) {
            Response answer = get("/api/v1/projects/bare/" + path);

            assertThat(answer.status()).as(path + ": " + answer).isEqualTo(503);
            assertThat(answer.code()).isEqualTo("gold_zone_unavailable");
            assertThat(answer.json().path("detail").asText()).contains("not configured");
        }
    }

    @Test
    void theRestOfTheGatewayWorks() {
        Response answer = get("/api/v1/projects/bare");

        assertThat(answer.status()).isEqualTo(200);
    }

    /** A GET on the gateway without a process zone, as the platform admin. */
    private static Response get(String path) {
        return lake.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("X-Auth-Token", lake.adminToken()).GET());
    }
}
