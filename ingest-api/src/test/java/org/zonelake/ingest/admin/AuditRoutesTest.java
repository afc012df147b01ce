package org.zonelake.ingest.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class AuditRoutesTest {
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
    void auditLogIsPagedNewestFirstWithAllFields() {
        String admin = lake.adminToken();
        for (int i = 0; i < 5; i++) {
            lake.post("/api/v1/auth/tokens", null, Map.of("username", "ghost-" + i, "password", "wrong-password"));
        }

        List<String> actors = new ArrayList<>();
        String cursor = null;
        do {
            Response page = lake.get("/api/v1/admin/audit?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertThat(page.status()).isEqualTo(200);
            page.json().path("items").forEach(entry -> {
                actors.add(entry.path("actor").asText());
                assertThat(entry.fieldNames()).toIterable()
                        .containsExactlyInAnyOrder("at", "actor", "action", "target", "outcome", "request_id", "detail");
            });
            cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asText();
        } while (cursor != null);

        List<String> ghosts = actors.stream().filter(actor -> actor.startsWith("ghost-")).toList();
        assertThat(ghosts).containsExactly("ghost-4", "ghost-3", "ghost-2", "ghost-1", "ghost-0");
    }

    @Test
    void badPagingParametersAreRefused() {
        assertThat(lake.get("/api/v1/admin/audit?limit=5000", lake.adminToken()).code()).isEqualTo("invalid_request");
        assertThat(lake.get("/api/v1/admin/audit?cursor=not-a-cursor", lake.adminToken()).code()).isEqualTo("invalid_cursor");
    }

    @Test
    void onlyPlatformAdminsReadTheAuditLog() {
        Response answer = lake.get("/api/v1/admin/audit", lake.tokenFor("alpha", ProjectRole.ADMIN));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("forbidden");
    }
}
