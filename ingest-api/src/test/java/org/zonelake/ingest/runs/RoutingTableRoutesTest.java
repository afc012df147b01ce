package org.zonelake.ingest.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.process.DefaultRoutes;
import org.zonelake.core.process.Route;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class RoutingTableRoutesTest {
    private static TestLake lake;
    private static int projects;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        lake.createProject("elsewhere");
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    /** A new project with a template "readings", and its routes path. */
    private static String newProject() {
        String project = "routing-" + ++projects;
        lake.createProject(project);
        Instant now = Instant.parse("2024-05-01T00:00:00Z");
        lake.templates().create(new MetadataTemplate(project, "readings", null, null, List.of(), List.of(), true, true, true, now, now));
        return project;
    }

    private static String routes(String project) {
        return "/api/v1/projects/" + project + "/routes";
    }

    private static Map<String, Object> line(String contentType, String template, String pipeline) {
        Map<String, Object> line = new HashMap<>();
        line.put("content_type", contentType);
        line.put("template", template);
        line.put("pipeline", pipeline);
        return line;
    }

    @Test
    void aProjectUsesTheDefaultsUntilItSetsItsOwnTable() {
        String project = newProject();

        Response answer = lake.get(routes(project), lake.tokenFor(project, ProjectRole.READER));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("custom").asBoolean()).isFalse();
        assertThat(answer.json().path("items")).hasSize(DefaultRoutes.ROUTES.size());
        JsonNode csv = answer.json().path("items").get(DefaultRoutes.ROUTES.indexOf(new Route("text/csv", null, "sql-tabular")));
        assertThat(csv.path("content_type").asText()).isEqualTo("text/csv");
        assertThat(csv.path("template").isNull()).isTrue();
        assertThat(csv.path("pipeline").asText()).isEqualTo("sql-tabular");
    }

    @Test
    void aProjectAdminReplacesTheTableAndItIsAudited() {
        String project = newProject();
        String admin = lake.tokenFor(project, ProjectRole.ADMIN);
        List<Map<String, Object>> table = List.of(line("application/json", "readings", "timeseries-json"), line("TEXT/*", null, "sql-tabular"));

        Response answer = lake.put(routes(project), admin, Map.of("items", table));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("custom").asBoolean()).isTrue();
        JsonNode read = lake.get(routes(project), lake.tokenFor(project, ProjectRole.READER)).json();
        assertThat(read).isEqualTo(answer.json());
        assertThat(read.path("items").findValuesAsText("content_type")).containsExactly("application/json", "text/*");
        assertThat(read.path("items").get(0).path("template").asText()).isEqualTo("readings");
        assertThat(lake.process().routes().find(project)).contains(List.of(new Route("application/json", "readings", "timeseries-json"),
                new Route("text/*", null, "sql-tabular")));
        assertThat(lake.audit().list(1000, null).items()).anyMatch(entry -> entry.action().equals("routes.replace")
                && entry.target().equals(project + "/routes"));
    }

    @Test
    void anEmptyTableRoutesNothing() {
        String project = newProject();

        Response answer = lake.put(routes(project), lake.tokenFor(project, ProjectRole.ADMIN), Map.of("items", List.of()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("custom").asBoolean()).isTrue();
        assertThat(answer.json().path("items")).isEmpty();
    }

    @Test
    void deleteGoesBackToTheDefaults() {
        String project = newProject();
        String admin = lake.tokenFor(project, ProjectRole.ADMIN);
        lake.put(routes(project), admin, Map.of("items", List.of(line("text/csv", null, "timeseries-csv"))));

        Response answer = lake.delete(routes(project), admin);

        assertThat(answer.status()).isEqualTo(204);
        JsonNode read = lake.get(routes(project), admin).json();
        assertThat(read.path("custom").asBoolean()).isFalse();
        assertThat(read.path("items")).hasSize(DefaultRoutes.ROUTES.size());
        assertThat(lake.audit().list(1000, null).items()).anyMatch(entry -> entry.action().equals("routes.reset"));
    }

    @Test
    void invalidLinesAreRefusedNamingTheLine() {
        String project = newProject();
        String admin = lake.tokenFor(project, ProjectRole.ADMIN);

        assertInvalid(project, admin, List.of(line("text/csv", null, "sql-tabular"), line("text/csv", null, "spark-magic")), "invalid_route", 1);
        assertInvalid(project, admin, List.of(line("csv", null, "sql-tabular")), "invalid_route", 0);
        assertInvalid(project, admin, List.of(line("text/csv", null, null)), "invalid_route", 0);
        assertInvalid(project, admin, List.of(line(null, null, "sql-tabular")), "invalid_route", 0);
        assertInvalid(project, admin, List.of(line("text/csv", null, "none")), "invalid_route", 0);
        assertInvalid(project, admin, List.of(line("text/csv", "no-such-template", "sql-tabular")), "unknown_template", 0);
        assertThat(lake.process().routes().find(project)).isEmpty();
    }

    private static void assertInvalid(String project, String admin, List<Map<String, Object>> table, String code, int index) {
        Response answer = lake.put(routes(project), admin, Map.of("items", table));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.json().path("index").asInt()).isEqualTo(index);
    }

    @Test
    void malformedAndOversizedTablesAreRefused() {
        String project = newProject();
        String admin = lake.tokenFor(project, ProjectRole.ADMIN);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= RoutingTableRoutes.MAX_ROUTES; i++) {
            many.add(line("text/csv", null, "sql-tabular"));
        }

        assertThat(lake.put(routes(project), admin, Map.of("routes", List.of())).code()).isEqualTo("malformed_json");
        assertThat(lake.put(routes(project), admin, Map.of("items", List.of(Map.of("content_type", "text/csv", "pipeline", "json",
                "priority", 1)))).code()).isEqualTo("malformed_json");
        assertThat(lake.put(routes(project), admin, "{}").code()).isEqualTo("invalid_route");
        assertThat(lake.put(routes(project), admin, Map.of("items", many)).code()).isEqualTo("invalid_route");
    }

    @Test
    void onlyProjectAdminsChangeTheTable() {
        String project = newProject();
        String member = lake.tokenFor(project, ProjectRole.MEMBER);
        Map<String, Object> body = Map.of("items", List.of(line("text/csv", null, "sql-tabular")));

        assertThat(lake.put(routes(project), member, body).status()).isEqualTo(403);
        assertThat(lake.delete(routes(project), member).status()).isEqualTo(403);
        assertThat(lake.get(routes(project), lake.tokenFor("elsewhere", ProjectRole.ADMIN)).status()).isEqualTo(403);
        assertThat(lake.get(routes(project), null).status()).isEqualTo(401);
        assertThat(lake.get(routes("missing"), lake.adminToken()).code()).isEqualTo("project_not_found");
        assertThat(lake.put(routes(project), lake.adminToken(), body).status()).isEqualTo(200);
    }
}
