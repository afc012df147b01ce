package org.zonelake.ingest.projects;

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

class ProjectRoutesTest {
    private static TestLake lake;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start();
        lake.createProject("alpha");
        lake.createProject("beta");
        lake.createProject("gamma");
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void userSeesOnlyTheProjectsHeHoldsARoleIn() {
        String token = lake.tokenFor("beta", ProjectRole.MEMBER);

        Response answer = lake.get("/api/v1/projects", token);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(names(answer)).containsExactly("beta");
        JsonNode beta = answer.json().path("items").get(0);
        assertThat(beta.path("role").asText()).isEqualTo("member");
        assertThat(beta.path("description").asText()).isEqualTo("Project beta of a test");
        assertThat(beta.path("created_at").asText()).isNotBlank();
        assertThat(answer.json().has("next_cursor")).isTrue();
    }

    @Test
    void platformAdminSeesEveryProjectAsAdmin() {
        Response answer = lake.get("/api/v1/projects", lake.adminToken());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(names(answer)).contains("alpha", "beta", "gamma");
        answer.json().path("items").forEach(project -> assertThat(project.path("role").asText()).isEqualTo("admin"));
    }

    @Test
    void platformAdminCreatesAProject() {
        Response created = lake.post("/api/v1/projects", lake.adminToken(), Map.of("name", "delta", "description", "Sensors"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("name").asText()).isEqualTo("delta");
        assertThat(created.json().path("description").asText()).isEqualTo("Sensors");
        assertThat(lake.identity().findProject("delta")).isPresent();
        assertThat(lake.audit().list(100, null).items())
                .anyMatch(e -> e.action().equals("project.create") && e.target().equals("delta") && e.outcome().equals("success"));
    }

    @Test
    void projectWithoutDescriptionGetsAnEmptyOne() {
        Response created = lake.post("/api/v1/projects", lake.adminToken(), Map.of("name", "epsilon"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("description").asText()).isEmpty();
    }

    @Test
    void duplicateProjectIsAConflict() {
        Response answer = lake.post("/api/v1/projects", lake.adminToken(), Map.of("name", "alpha"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("project_exists");
    }

    @Test
    void invalidProjectNamesAreRefused() {
        for (String name : List.of("Upper", "-dash", "with space", "../x", "a".repeat(64), "")) {
            Response answer = lake.post("/api/v1/projects", lake.adminToken(), Map.of("name", name));

            assertThat(answer.status()).as(name).isEqualTo(400);
            assertThat(answer.code()).as(name).isIn("invalid_name", "invalid_request");
        }
        assertThat(lake.post("/api/v1/projects", lake.adminToken(), Map.of("name", "Upper")).code()).isEqualTo("invalid_name");
    }

    @Test
    void onlyPlatformAdminsCreateProjects() {
        String token = lake.tokenFor("alpha", ProjectRole.ADMIN);

        Response answer = lake.post("/api/v1/projects", token, Map.of("name", "zeta"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("forbidden");
        assertThat(lake.identity().findProject("zeta")).isEmpty();
    }

    @Test
    void readerGetsTheProject() {
        String token = lake.tokenFor("gamma", ProjectRole.READER);

        Response answer = lake.get("/api/v1/projects/gamma", token);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("name").asText()).isEqualTo("gamma");
        assertThat(answer.json().path("role").asText()).isEqualTo("reader");
    }

    @Test
    void userWithoutRoleIsForbiddenWhetherTheProjectExistsOrNot() {
        String token = lake.tokenFor("alpha", ProjectRole.READER);

        assertThat(lake.get("/api/v1/projects/gamma", token).code()).isEqualTo("forbidden");
        assertThat(lake.get("/api/v1/projects/nonexistent", token).code()).isEqualTo("forbidden");
        assertThat(lake.get("/api/v1/projects/nonexistent", token).status()).isEqualTo(403);
    }

    @Test
    void platformAdminGetsNotFoundForAMissingProject() {
        Response answer = lake.get("/api/v1/projects/nonexistent", lake.adminToken());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("project_not_found");
    }

    private static List<String> names(Response answer) {
        List<String> names = new ArrayList<>();
        answer.json().path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
