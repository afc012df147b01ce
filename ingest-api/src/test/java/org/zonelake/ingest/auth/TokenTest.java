package org.zonelake.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class TokenTest {
    private static final String PATH = "/api/v1/auth/tokens";
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
    void tokenInXAuthTokenHeaderIdentifiesTheUser() {
        String token = lake.tokenFor("alpha", ProjectRole.MEMBER);

        Response answer = lake.get(PATH, token);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("user").path("username").asText()).startsWith("member-alpha-");
        assertThat(answer.json().path("user").path("projects").get(0).path("role").asText()).isEqualTo("member");
    }

    @Test
    void tokenAsBearerWorksToo() {
        String token = lake.tokenFor("alpha", ProjectRole.READER);

        Response answer = lake.send(lake.request(PATH, null).header("Authorization", "Bearer " + token).GET());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("user").path("projects").get(0).path("role").asText()).isEqualTo("reader");
    }

    @Test
    void tokenInQueryStringIsRefusedEvenWhenValid() {
        String token = lake.tokenFor("alpha", ProjectRole.READER);

        Response answer = lake.get("/api/v1/projects?token=" + token, token);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_request");
    }

    @Test
    void missingTokenIsNotAuthenticated() {
        Response answer = lake.get("/api/v1/projects", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("not_authenticated");
    }

    @Test
    void unknownTokenIsNotAuthenticated() {
        Response answer = lake.get("/api/v1/projects", "no-such-token");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("not_authenticated");
    }

    @Test
    void logoutRevokesTheTokenAndIsAudited() {
        String token = lake.tokenFor("alpha", ProjectRole.READER);
        String username = lake.get(PATH, token).json().path("user").path("username").asText();

        Response logout = lake.delete(PATH, token);

        assertThat(logout.status()).isEqualTo(204);
        Response after = lake.get("/api/v1/projects", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("not_authenticated");
        assertThat(lake.audit().list(1000, null).items())
                .anyMatch(e -> e.actor().equals(username) && e.action().equals("logout") && e.outcome().equals("success"));
    }

    @Test
    void disabledUsersTokenStopsWorking() {
        String token = lake.tokenFor("alpha", ProjectRole.MEMBER);
        String username = lake.get(PATH, token).json().path("user").path("username").asText();

        lake.identity().setEnabled(username, false);

        Response answer = lake.get("/api/v1/projects", token);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("not_authenticated");
    }

    @Test
    void loginNeedsNoTokenButLogoutAndWhoAmIDo() {
        assertThat(lake.get(PATH, null).code()).isEqualTo("not_authenticated");
        assertThat(lake.delete(PATH, null).code()).isEqualTo("not_authenticated");
    }
}
