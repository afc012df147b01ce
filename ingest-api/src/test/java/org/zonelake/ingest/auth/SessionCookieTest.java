package org.zonelake.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

/** The login's HttpOnly cookie lets a browser stream downloads through links; it authenticates reads only. */
class SessionCookieTest {
    private static final String LOGIN = "/api/v1/auth/tokens";
    private static TestLake lake;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start();
        lake.createProject("cookies");
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void loginSetsAnHttpOnlyStrictCookieForTheApiUntilTheTokenExpires() {
        Response answer = lake.post(LOGIN, null, Map.of("username", TestLake.ADMIN_USERNAME, "password", TestLake.ADMIN_PASSWORD));

        String cookie = answer.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("zonelake_token=" + answer.json().path("token").asText() + ";")
                .contains("HttpOnly", "SameSite=Strict", "Path=/api/")
                .doesNotContain("Secure");
        long maxAge = Long.parseLong(cookie.replaceAll(".*Max-Age=(\\d+).*", "$1"));
        assertThat(maxAge).isBetween(3500L, 3600L);
    }

    @Test
    void theCookieAuthenticatesReads() {
        String token = lake.login(TestLake.ADMIN_USERNAME, TestLake.ADMIN_PASSWORD);

        Response projects = lake.send(withCookie("/api/v1/projects", token).GET());

        assertThat(projects.status()).isEqualTo(200);
        assertThat(projects.json().path("items").toString()).contains("\"cookies\"");
    }

    @Test
    void theCookieNeverAuthenticatesAChange() {
        String token = lake.login(TestLake.ADMIN_USERNAME, TestLake.ADMIN_PASSWORD);

        Response create = lake.send(withCookie("/api/v1/projects", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"forged\"}")));
        Response logout = lake.send(withCookie(LOGIN, token).DELETE());

        assertThat(create.status()).isEqualTo(401);
        assertThat(create.code()).isEqualTo("not_authenticated");
        assertThat(logout.status()).isEqualTo(401);
        assertThat(lake.get("/api/v1/projects/forged", lake.adminToken()).code()).isEqualTo("project_not_found");
    }

    @Test
    void logoutClearsTheCookieAndItsTokenNoLongerReads() {
        String token = lake.login(TestLake.ADMIN_USERNAME, TestLake.ADMIN_PASSWORD);

        Response logout = lake.delete(LOGIN, token);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie).startsWith("zonelake_token=;").contains("Max-Age=0"));
        assertThat(lake.send(withCookie("/api/v1/projects", token).GET()).status()).isEqualTo(401);
    }

    @Test
    void aHeaderTokenWinsOverTheCookie() {
        String reader = lake.tokenFor("cookies", org.zonelake.core.identity.ProjectRole.READER);

        Response answer = lake.send(withCookie(LOGIN, "not-a-token").header("X-Auth-Token", reader).GET());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("user").path("platform_admin").asBoolean()).isFalse();
    }

    private static HttpRequest.Builder withCookie(String path, String token) {
        return lake.request(path, null).header("Cookie", "zonelake_token=" + token);
    }
}
