package org.zonelake.ingest.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class UserAdminTest {
    private static final String USERS = "/api/v1/admin/users";
    private static TestLake lake;
    private static String admin;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start();
        lake.createProject("alpha");
        admin = lake.adminToken();
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void adminCreatesAUserWhoCanThenLogIn() {
        Response created = lake.post(USERS, admin, Map.of("username", "carol", "password", "carol-password", "email", "carol@example.org"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.path("username").asText()).isEqualTo("carol");
        assertThat(user.path("email").asText()).isEqualTo("carol@example.org");
        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(user.path("platform_admin").asBoolean()).isFalse();
        assertThat(user.has("password")).isFalse();
        assertThat(created.text()).doesNotContain("carol-password");
        assertThat(lake.login("carol", "carol-password")).isNotBlank();
        assertAudited("user.create", "carol", "success", "");
    }

    @Test
    void adminCreatesAnotherPlatformAdmin() {
        Response created = lake.post(USERS, admin, Map.of("username", "dave", "password", "dave-password", "platform_admin", true));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("platform_admin").asBoolean()).isTrue();
        String token = lake.login("dave", "dave-password");
        assertThat(lake.get(USERS, token).status()).isEqualTo(200);
    }

    @Test
    void duplicateUserIsAConflict() {
        lake.createUser("erin", "erin-password");

        Response answer = lake.post(USERS, admin, Map.of("username", "erin", "password", "other-password"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("user_exists");
        assertAudited("user.create", "erin", "failure", "user_exists");
    }

    @Test
    void invalidUserNameOrWeakPasswordIsAnInvalidRequestWithTheReason() {
        Response badName = lake.post(USERS, admin, Map.of("username", "bad name!", "password", "good-password"));
        Response weak = lake.post(USERS, admin, Map.of("username", "frank", "password", "short"));
        Response missing = lake.post(USERS, admin, Map.of("username", "frank"));

        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.code()).isEqualTo("invalid_request");
        assertThat(badName.json().path("detail").asText()).contains("bad name!");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("invalid_request");
        assertThat(weak.json().path("detail").asText()).contains("at least 8");
        assertThat(missing.code()).isEqualTo("invalid_request");
        assertThat(lake.identity().findUser("frank")).isEmpty();
    }

    @Test
    void nonAdminCannotCreateUsersAndTheAttemptIsAudited() {
        String token = lake.tokenFor("alpha", ProjectRole.ADMIN);

        Response answer = lake.post(USERS, token, Map.of("username", "mallory", "password", "mallory-password", "platform_admin", true));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("forbidden");
        assertThat(lake.identity().findUser("mallory")).isEmpty();
        assertAudited("user.create", "mallory", "failure", "forbidden");
    }

    @Test
    void adminListsAndGetsUsers() {
        lake.createUser("gina", "gina-password");

        Response list = lake.get(USERS, admin);
        Response one = lake.get(USERS + "/gina", admin);
        Response missing = lake.get(USERS + "/nobody-here", admin);

        assertThat(list.status()).isEqualTo(200);
        assertThat(usernames(list)).contains("admin", "gina");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("username").asText()).isEqualTo("gina");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("user_not_found");
    }

    @Test
    void userListIsPagedWithACursor() {
        for (int i = 0; i < 5; i++) {
            lake.createUser("page-user-" + i, "page-password");
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = lake.get(USERS + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
            seen.addAll(usernames(page));
            cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asText();
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().isSorted().contains("page-user-0", "page-user-4");
        assertThat(seen).hasSameSizeAs(lake.identity().listUsers());
        assertThat(lake.get(USERS + "?limit=0", admin).code()).isEqualTo("invalid_request");
        assertThat(lake.get(USERS + "?cursor=***", admin).code()).isEqualTo("invalid_cursor");
    }

    @Test
    void disablingAUserRevokesTheirTokensAndEnablingLetsThemBackIn() {
        lake.createUser("hank", "hank-password");
        String token = lake.login("hank", "hank-password");

        Response disabled = lake.patch(USERS + "/hank", admin, Map.of("enabled", false));

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(lake.get("/api/v1/auth/tokens", token).status()).isEqualTo(401);
        assertThat(lake.post("/api/v1/auth/tokens", null, Map.of("username", "hank", "password", "hank-password")).code())
                .isEqualTo("account_disabled");
        Response enabled = lake.patch(USERS + "/hank", admin, Map.of("enabled", true));
        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
        assertThat(lake.login("hank", "hank-password")).isNotBlank();
        assertAudited("user.disable", "hank", "success", "");
        assertAudited("user.enable", "hank", "success", "");
    }

    @Test
    void patchNeedsTheEnabledFlagAndAnExistingUser() {
        assertThat(lake.patch(USERS + "/admin", admin, Map.of()).code()).isEqualTo("invalid_request");
        assertThat(lake.patch(USERS + "/admin", admin, Map.of("enabled", "maybe")).code()).isEqualTo("malformed_json");
        Response missing = lake.patch(USERS + "/nobody-here", admin, Map.of("enabled", false));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("user_not_found");
    }

    @Test
    void adminCannotDisableOrDeleteThemselves() {
        assertThat(lake.patch(USERS + "/admin", admin, Map.of("enabled", false)).code()).isEqualTo("invalid_request");
        assertThat(lake.delete(USERS + "/admin", admin).code()).isEqualTo("invalid_request");
        assertThat(lake.get("/api/v1/auth/tokens", admin).status()).isEqualTo(200);
    }

    @Test
    void deletingAUserRevokesTheirTokens() {
        lake.createUser("ivan", "ivan-password");
        String token = lake.login("ivan", "ivan-password");

        Response deleted = lake.delete(USERS + "/ivan", admin);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(lake.identity().findUser("ivan")).isEmpty();
        assertThat(lake.get("/api/v1/auth/tokens", token).status()).isEqualTo(401);
        Response again = lake.delete(USERS + "/ivan", admin);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("user_not_found");
        assertAudited("user.delete", "ivan", "success", "");
        assertAudited("user.delete", "ivan", "failure", "user_not_found");
    }

    @Test
    void passwordResetChangesThePasswordAndRevokesTokens() {
        lake.createUser("judy", "judy-password");
        String token = lake.login("judy", "judy-password");

        Response reset = lake.post(USERS + "/judy/password", admin, Map.of("password", "judy-new-password"));

        assertThat(reset.status()).isEqualTo(204);
        assertThat(lake.get("/api/v1/auth/tokens", token).status()).isEqualTo(401);
        assertThat(lake.post("/api/v1/auth/tokens", null, Map.of("username", "judy", "password", "judy-password")).status()).isEqualTo(401);
        assertThat(lake.login("judy", "judy-new-password")).isNotBlank();
        assertThat(lake.post(USERS + "/judy/password", admin, Map.of("password", "short")).code()).isEqualTo("invalid_request");
        assertThat(lake.post(USERS + "/nobody-here/password", admin, Map.of("password", "long-enough")).code()).isEqualTo("user_not_found");
        assertAudited("user.password_reset", "judy", "success", "");
        assertThat(lake.get("/api/v1/admin/audit", admin).text()).doesNotContain("judy-new-password");
    }

    private static List<String> usernames(Response answer) {
        List<String> names = new ArrayList<>();
        answer.json().path("items").forEach(item -> names.add(item.path("username").asText()));
        return names;
    }

    private static void assertAudited(String action, String target, String outcome, String detail) {
        Response audit = lake.get("/api/v1/admin/audit?limit=1000", admin);
        assertThat(audit.status()).isEqualTo(200);
        List<JsonNode> matching = new ArrayList<>();
        audit.json().path("items").forEach(entry -> {
            if (entry.path("action").asText().equals(action) && entry.path("target").asText().equals(target)
                    && entry.path("outcome").asText().equals(outcome) && entry.path("detail").asText().equals(detail)) {
                matching.add(entry);
            }
        });
        assertThat(matching).as("audit entry %s %s %s %s", action, target, outcome, detail).isNotEmpty();
        assertThat(matching.get(0).path("request_id").asText()).isNotBlank();
        assertThat(matching.get(0).path("actor").asText()).isNotBlank();
    }
}
