package org.zonelake.ingest.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.zonelake.ingest.HealthCheck;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class HealthTest {
    @Test
    void healthIsUpWhenEveryComponentIsUpAndDownWhenOneIsNot() {
        AtomicBoolean rawZoneUp = new AtomicBoolean(true);
        try (TestLake lake = TestLake.start(builder -> builder.healthCheck(check("raw", rawZoneUp::get)))) {
            Response up = lake.get("/health", null);

            assertThat(up.status()).isEqualTo(200);
            assertThat(up.json().toString())
                    .isEqualTo("{\"status\":\"up\",\"components\":{\"metadata\":{\"status\":\"up\"},\"raw\":{\"status\":\"up\"}}}");

            rawZoneUp.set(false);
            Response down = lake.get("/health", null);

            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().path("status").asText()).isEqualTo("down");
            assertThat(down.json().path("components").path("raw").path("status").asText()).isEqualTo("down");
            assertThat(down.json().path("components").path("metadata").path("status").asText()).isEqualTo("up");
        }
    }

    @Test
    void aCheckThatThrowsCountsAsDown() {
        try (TestLake lake = TestLake.start(builder -> builder.healthCheck(check("broken", () -> {
            throw new IllegalStateException("no answer");
        })))) {
            Response answer = lake.get("/health", null);

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().path("components").path("broken").path("status").asText()).isEqualTo("down");
        }
    }

    private static HealthCheck check(String name, java.util.function.BooleanSupplier up) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isUp() {
                return up.getAsBoolean();
            }
        };
    }
}
