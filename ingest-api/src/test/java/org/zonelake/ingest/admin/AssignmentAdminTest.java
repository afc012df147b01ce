package org.zonelake.ingest.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.AuditEntry;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.identity.RoleAssignment;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class AssignmentAdminTest {
    private static TestLake lake;
    private static String admin;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start();
        lake.createProject("alpha");
        lake.createProject("beta");
        admin = lake.adminToken();
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void grantedRoleShowsInTheListAndOpensTheProject() {
        lake.createUser("kim", "kim-password");
        String token = lake.login("kim", "kim-password");
        assertThat(lake.get("/api/v1/projects/alpha", token).status()).isEqualTo(403);

        Response granted = lake.post(assignments("kim"), admin, Map.of("project", "alpha", "role", "member"));

        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.json().toString()).isEqualTo("{\"username\":\"kim\",\"project\":\"alpha\",\"role\":\"member\"}");
        Response list = lake.get(assignments("kim"), admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").toString()).isEqualTo("[{\"username\":\"kim\",\"project\":\"alpha\",\"role\":\"member\"}]");
        assertThat(lake.get("/api/v1/projects/alpha", token).status()).isEqualTo(200);
        assertThat(lake.audit().list(100, null).items()).extracting(AuditEntry::target, AuditEntry::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("kim@alpha:member", "success"));
    }

    @Test
    void unknownRoleIsAnInvalidRequest() {
        lake.createUser("lou", "lou-password");

        Response answer = lake.post(assignments("lou"), admin, Map.of("project", "alpha", "role", "owner"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_request");
        assertThat(lake.identity().assignments("lou")).isEmpty();
    }

    @Test
    void grantToUnknownUserOrProjectIsNotFound() {
        lake.createUser("max", "max-password");

        Response noUser = lake.post(assignments("nobody-here"), admin, Map.of("project", "alpha", "role", "reader"));
        Response noProject = lake.post(assignments("max"), admin, Map.of("project", "nowhere", "role", "reader"));

        assertThat(noUser.status()).isEqualTo(404);
        assertThat(noUser.code()).isEqualTo("user_not_found");
        assertThat(noProject.status()).isEqualTo(404);
        assertThat(noProject.code()).isEqualTo("project_not_found");
        assertThat(lake.post(assignments("max"), admin, Map.of("project", "alpha")).code()).isEqualTo("invalid_request");
    }

    @Test
    void revokingARoleClosesTheProjectAndRevokingAgainIsNotFound() {
        lake.createUser("ned", "ned-password");
        lake.grant("ned", "beta", ProjectRole.READER);
        String token = lake.login("ned", "ned-password");

        Response revoked = lake.delete(assignments("ned") + "/beta/reader", admin);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(lake.identity().assignments("ned")).isEmpty();
        assertThat(lake.get("/api/v1/projects/beta", lake.login("ned", "ned-password")).status()).isEqualTo(403);
        Response again = lake.delete(assignments("ned") + "/beta/reader", admin);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("assignment_not_found");
        assertThat(lake.delete(assignments("ned") + "/beta/owner", admin).code()).isEqualTo("invalid_request");
        assertThat(token).isNotBlank();
    }

    @Test
    void purgeRemovesAssignmentsOfDeletedUsersOnly() {
        lake.createUser("oscar", "oscar-password");
        lake.createUser("pia", "pia-password");
        lake.grant("oscar", "alpha", ProjectRole.MEMBER);
        lake.grant("oscar", "beta", ProjectRole.READER);
        lake.grant("pia", "alpha", ProjectRole.READER);
        lake.identity().deleteUser("oscar");
        assertThat(lake.get(assignments("oscar"), admin).json().path("items").size()).isEqualTo(2);

        Response purge = lake.post("/api/v1/admin/assignments/purge", admin, null);

        assertThat(purge.status()).isEqualTo(200);
        assertThat(purge.json().path("removed").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(lake.identity().assignments("oscar")).isEmpty();
        assertThat(lake.identity().assignments("pia")).containsExactly(new RoleAssignment("pia", "alpha", ProjectRole.READER));
        assertThat(lake.audit().list(100, null).items()).anyMatch(e -> e.action().equals("assignment.purge") && e.outcome().equals("success"));
    }

    @Test
    void nonAdminsCannotTouchAssignments() {
        String token = lake.tokenFor("alpha", ProjectRole.ADMIN);
        lake.createUser("quinn", "quinn-password");

        assertThat(lake.post(assignments("quinn"), token, Map.of("project", "alpha", "role", "admin")).code()).isEqualTo("forbidden");
        assertThat(lake.get(assignments("quinn"), token).code()).isEqualTo("forbidden");
        assertThat(lake.post("/api/v1/admin/assignments/purge", token, null).code()).isEqualTo("forbidden");
        assertThat(lake.identity().assignments("quinn")).isEmpty();
    }

    private static String assignments(String username) {
        return "/api/v1/admin/users/" + username + "/assignments";
    }
}
