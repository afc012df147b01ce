package org.zonelake.ingest.swift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class SwiftEventRoutesTest {
    @Test
    void aLakeWithoutSwiftEventsSaysSoWithoutAskingForAToken() {
        try (TestLake lake = TestLake.start()) {
            Response answer = lake.post(SwiftEventRoutes.PATH, null, Map.of("account", "AUTH_lake"));

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().path("code").asText()).isEqualTo("route_not_found");
            assertThat(answer.json().path("detail").asText()).contains("receives no Swift events");
        }
    }
}
