package org.zonelake.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.AuditEntry;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class LoginTest {
    private static final String PATH = "/api/v1/auth/tokens";
    private static TestLake lake;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start();
        lake.createProject("alpha");
        lake.createProject("beta");
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void loginAnswersTokenExpiryAndRolesAndSubjectTokenHeader() {
        String username = TestLake.newUsername("login");
        lake.createUser(username, "a-long-password");
        lake.grant(username, "beta", ProjectRole.MEMBER);
        lake.grant(username, "alpha", ProjectRole.READER);

        Response answer = lake.post(PATH, null, Map.of("username", username, "password", "a-long-password"));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = answer.json();
        String token = body.path("token").asText();
        assertThat(token).isNotBlank();
        assertThat(answer.header("X-Subject-Token")).contains(token);
        assertThat(Instant.parse(body.path("expires_at").asText())).isAfter(Instant.now());
        JsonNode user = body.path("user");
        assertThat(user.path("username").asText()).isEqualTo(username);
        assertThat(user.path("platform_admin").asBoolean(true)).isFalse();
        assertThat(user.path("projects").toString())
                .isEqualTo("[{\"project\":\"alpha\",\"role\":\"reader\"},{\"project\":\"beta\",\"role\":\"member\"}]");
    }

    @Test
    void adminLoginSaysPlatformAdmin() {
        Response answer = lake.post(PATH, null, Map.of("username", TestLake.ADMIN_USERNAME, "password", TestLake.ADMIN_PASSWORD));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("user").path("platform_admin").asBoolean()).isTrue();
    }

    @Test
    void wrongPasswordIsRefusedWithInvalidCredentials() {
        String username = TestLake.newUsername("wrong");
        lake.createUser(username, "a-long-password");

        Response answer = lake.post(PATH, null, Map.of("username", username, "password", "not-the-password"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("invalid_credentials");
        assertThat(answer.header("X-Subject-Token")).isEmpty();
    }

    @Test
    void unknownUserIsRefusedLikeAWrongPassword() {
        Response answer = lake.post(PATH, null, Map.of("username", "nobody-at-all", "password", "whatever-password"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("invalid_credentials");
    }

    @Test
    void disabledUserCannotLogIn() {
        String username = TestLake.newUsername("disabled");
        lake.createUser(username, "a-long-password");
        lake.identity().setEnabled(username, false);

        Response answer = lake.post(PATH, null, Map.of("username", username, "password", "a-long-password"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("account_disabled");
    }

    @Test
    void malformedBodiesAreRefusedWith400() {
        assertThat(lake.post(PATH, null, "{not json").status()).isEqualTo(400);
        assertThat(lake.post(PATH, null, "{not json").code()).isEqualTo("malformed_json");
        assertThat(lake.post(PATH, null, null).code()).isEqualTo("malformed_json");
        assertThat(lake.post(PATH, null, Map.of("username", "x", "password", "y", "extra", 1)).code()).isEqualTo("malformed_json");
        Response missingPassword = lake.post(PATH, null, Map.of("username", "x"));
        assertThat(missingPassword.status()).isEqualTo(400);
        assertThat(missingPassword.code()).isEqualTo("invalid_request");
    }

    @Test
    void everyLoginIsAuditedWithTheNameTriedAndNeverThePassword() {
        String username = TestLake.newUsername("audited");
        lake.createUser(username, "a-long-password");
        Response failed = lake.send(lake.request(PATH, null).header("X-Request-Id", "failed-login-" + username)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"secret-guess-1\"}")));
        lake.login(username, "a-long-password");

        Response audit = lake.get("/api/v1/admin/audit?limit=1000", lake.adminToken());

        assertThat(failed.status()).isEqualTo(401);
        assertThat(audit.status()).isEqualTo(200);
        List<JsonNode> logins = entriesOf(audit, username);
        assertThat(logins).extracting(e -> e.path("action").asText()).containsOnly("login");
        assertThat(logins).extracting(e -> e.path("outcome").asText()).containsExactlyInAnyOrder("success", "failure");
        JsonNode failure = logins.stream().filter(e -> e.path("outcome").asText().equals("failure")).findFirst().orElseThrow();
        assertThat(failure.path("request_id").asText()).isEqualTo("failed-login-" + username);
        assertThat(failure.path("detail").asText()).isEqualTo("invalid_credentials");
        assertThat(audit.text()).doesNotContain("secret-guess-1").doesNotContain("a-long-password");
        assertThat(lake.audit().list(1000, null).items()).extracting(AuditEntry::actor).contains(username);
    }

    private static List<JsonNode> entriesOf(Response audit, String actor) {
        List<JsonNode> entries = new java.util.ArrayList<>();
        audit.json().path("items").forEach(entry -> {
            if (entry.path("actor").asText().equals(actor)) {
                entries.add(entry);
            }
        });
        return entries;
    }
}
