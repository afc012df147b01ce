package org.zonelake.ingest.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class TemplateRoutesTest {
    private static final String PROJECT = "templates";
    private static final String PATH = "/api/v1/projects/" + PROJECT + "/templates";
    private static TestLake lake;
    private static String admin;
    private static String member;
    private static String reader;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        lake.createProject(PROJECT);
        lake.createProject("other");
        admin = lake.tokenFor(PROJECT, ProjectRole.ADMIN);
        member = lake.tokenFor(PROJECT, ProjectRole.MEMBER);
        reader = lake.tokenFor(PROJECT, ProjectRole.READER);
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    private static Map<String, Object> template(String name, Object... flags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("label", "Template " + name);
        body.put("description", "Samples of the field campaign");
        body.put("accepted_mime_types", List.of("text/csv", "image/*"));
        body.put("fields", List.of(
                Map.of("name", "site", "label", "Site", "type", "text", "required", true),
                Map.of("name", "notes", "type", "textarea"),
                Map.of("name", "depth", "type", "number"),
                Map.of("name", "taken", "type", "date"),
                Map.of("name", "kind", "type", "enum", "options", List.of("soil", "water"))));
        for (int i = 0; i < flags.length; i += 2) {
            body.put((String) flags[i], flags[i + 1]);
        }
        return body;
    }

    @Test
    void createsATemplateWithEveryFieldTypeAndDefaultFlags() {
        Response answer = lake.post(PATH, admin, template("survey"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.header("Location")).contains(PATH + "/survey");
        JsonNode created = answer.json();
        assertThat(created.path("name").asText()).isEqualTo("survey");
        assertThat(created.path("label").asText()).isEqualTo("Template survey");
        assertThat(created.path("accepted_mime_types").toString()).isEqualTo("[\"text/csv\",\"image/*\"]");
        assertThat(created.path("fields").findValuesAsText("type")).containsExactly("text", "textarea", "number", "date", "enum");
        assertThat(created.path("fields").get(0).path("required").asBoolean()).isTrue();
        assertThat(created.path("fields").get(1).path("label").asText()).isEqualTo("notes");
        assertThat(created.path("fields").get(4).path("options").toString()).isEqualTo("[\"soil\",\"water\"]");
        assertThat(created.path("visible").asBoolean()).isTrue();
        assertThat(created.path("editable").asBoolean()).isTrue();
        assertThat(created.path("deletable").asBoolean()).isTrue();
        assertThat(lake.get(PATH + "/survey", reader).json()).isEqualTo(created);
    }

    @Test
    void createdTemplatesValidateUploads() {
        lake.post(PATH, admin, template("checked"));

        Response answer = lake.send(lake.request("/api/v1/projects/" + PROJECT + "/objects", member)
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--b0undary\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                        + "{\"template\": \"checked\", \"values\": {\"site\": \"n\", \"kind\": \"lava\"}}\r\n--b0undary\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\na,b\r\n--b0undary--\r\n")));

        assertThat(answer.code()).isEqualTo("invalid_metadata");
        assertThat(answer.json().path("fields").has("kind")).isTrue();
    }

    @Test
    void duplicateNameConflicts() {
        lake.post(PATH, admin, template("twice"));

        Response answer = lake.post(PATH, admin, template("twice"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("template_exists");
    }

    @Test
    void invalidTemplatesAreRefusedNamingTheProblem() {
        assertInvalid(template("Bad Name"), "Bad Name");
        assertInvalid(template("no-type", "fields", List.of(Map.of("name", "x"))), "x");
        assertInvalid(template("odd-type", "fields", List.of(Map.of("name", "x", "type", "colour"))), "colour");
        assertInvalid(template("no-options", "fields", List.of(Map.of("name", "x", "type", "enum"))), "x");
        assertInvalid(template("text-options", "fields", List.of(Map.of("name", "x", "type", "text", "options", List.of("a")))), "x");
        assertInvalid(template("bad-field", "fields", List.of(Map.of("name", "1x", "type", "text"))), "1x");
        assertInvalid(template("twice-field", "fields", List.of(Map.of("name", "x", "type", "text"), Map.of("name", "x", "type", "date"))), "x");
        assertInvalid(template("bad-mime", "accepted_mime_types", List.of("csv")), "csv");
        Map<String, Object> nameless = template("x");
        nameless.remove("name");
        assertInvalid(nameless, "name");
    }

    private static void assertInvalid(Map<String, Object> body, String named) {
        Response answer = lake.post(PATH, admin, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_template");
        assertThat(answer.json().path("detail").asText()).contains(named);
    }

    @Test
    void unknownMembersAndBrokenJsonAreMalformed() {
        assertThat(lake.post(PATH, admin, template("extra", "colour", "red")).code()).isEqualTo("malformed_json");
        assertThat(lake.post(PATH, admin, "{\"name\": ").code()).isEqualTo("malformed_json");
    }

    @Test
    void hiddenTemplatesAreListedOnlyOnRequest() {
        lake.post(PATH, admin, template("shown-one"));
        lake.post(PATH, admin, template("hidden-one", "visible", false));

        List<String> visible = names(lake.get(PATH, reader));
        List<String> all = names(lake.get(PATH + "?include_hidden=true", reader));

        assertThat(visible).contains("shown-one").doesNotContain("hidden-one");
        assertThat(all).contains("shown-one", "hidden-one");
        assertThat(all).isSorted();
        assertThat(lake.get(PATH + "/hidden-one", reader).status()).isEqualTo(200);
        assertThat(lake.get(PATH + "?include_hidden=maybe", reader).code()).isEqualTo("invalid_request");
    }

    private static List<String> names(Response answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().has("next_cursor")).isTrue();
        List<String> names = new ArrayList<>();
        answer.json().path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    @Test
    void editableTemplateIsReplaced() {
        lake.post(PATH, admin, template("replaced"));
        Map<String, Object> replacement = template("replaced", "fields", List.of(Map.of("name", "colour", "type", "text")));
        replacement.remove("name");

        Response answer = lake.put(PATH + "/replaced", admin, replacement);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(lake.get(PATH + "/replaced", reader).json().path("fields").findValuesAsText("name")).containsExactly("colour");
    }

    @Test
    void templatesCannotBeRenamed() {
        lake.post(PATH, admin, template("fixed-name"));

        Response answer = lake.put(PATH + "/fixed-name", admin, template("new-name"));

        assertThat(answer.code()).isEqualTo("invalid_template");
    }

    private static Map<String, Object> mapping(Object... overrides) {
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("measurement", "climate");
        mapping.put("time_field", "ts");
        mapping.put("time_format", "epoch_ms");
        mapping.put("tag_fields", List.of("station"));
        mapping.put("value_fields", List.of("temperature", "humidity"));
        mapping.put("readings_path", "data.readings");
        for (int i = 0; i < overrides.length; i += 2) {
            mapping.put((String) overrides[i], overrides[i + 1]);
        }
        return mapping;
    }

    @Test
    void processingHintsAreSavedAndShown() {
        Response answer = lake.post(PATH, admin, template("sensors", "processing", Map.of("time_series", mapping(), "table", "sensor_rows")));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode processing = answer.json().path("processing");
        assertThat(processing.path("table").asText()).isEqualTo("sensor_rows");
        JsonNode series = processing.path("time_series");
        assertThat(series.path("measurement").asText()).isEqualTo("climate");
        assertThat(series.path("measurement_field").isNull()).isTrue();
        assertThat(series.path("time_field").asText()).isEqualTo("ts");
        assertThat(series.path("time_format").asText()).isEqualTo("epoch_ms");
        assertThat(series.path("tag_fields").toString()).isEqualTo("[\"station\"]");
        assertThat(series.path("value_fields").toString()).isEqualTo("[\"temperature\",\"humidity\"]");
        assertThat(series.path("readings_path").asText()).isEqualTo("data.readings");
        assertThat(lake.get(PATH + "/sensors", reader).json()).isEqualTo(answer.json());
        assertThat(lake.templates().find(PROJECT, "sensors").orElseThrow().processing().timeSeries().tagFields()).containsExactly("station");
    }

    @Test
    void aTemplateWithoutProcessingShowsNone() {
        JsonNode created = lake.post(PATH, admin, template("plain")).json();

        assertThat(created.path("processing").path("time_series").isNull()).isTrue();
        assertThat(created.path("processing").path("table").isNull()).isTrue();
    }

    @Test
    void theTimeFormatDefaultsToIsoAndAPatternIsAccepted() {
        Map<String, Object> withoutFormat = mapping();
        withoutFormat.remove("time_format");

        JsonNode iso = lake.post(PATH, admin, template("iso-times", "processing", Map.of("time_series", withoutFormat))).json();
        Response pattern = lake.post(PATH, admin, template("pattern-times", "processing",
                Map.of("time_series", mapping("time_format", "yyyy-MM-dd HH:mm:ss"))));

        assertThat(iso.path("processing").path("time_series").path("time_format").asText()).isEqualTo("iso");
        assertThat(pattern.status()).as(pattern.toString()).isEqualTo(201);
    }

    @Test
    void invalidProcessingHintsAreRefusedNamingTheProblem() {
        assertInvalid(template("p1", "processing", Map.of("time_series", mapping("measurement", ""))), "measurement");
        assertInvalid(template("p2", "processing", Map.of("time_series", mapping("measurement", "cpu load"))), "cpu load");
        assertInvalid(template("p3", "processing", Map.of("time_series", mapping("time_field", null))), "time_field");
        assertInvalid(template("p4", "processing", Map.of("time_series", mapping("time_format", "epoch_minutes{"))), "epoch_minutes{");
        assertInvalid(template("p5", "processing", Map.of("time_series", mapping("tag_fields", List.of("a", "a")))), "'a'");
        assertInvalid(template("p6", "processing", Map.of("time_series", mapping("tag_fields", List.of("temperature")))), "temperature");
        assertInvalid(template("p7", "processing", Map.of("time_series", mapping("tag_fields", List.of("ts")))), "ts");
        assertInvalid(template("p8", "processing", Map.of("time_series", mapping("readings_path", "data..readings"))), "data..readings");
        assertInvalid(template("p9", "processing", Map.of("table", "Sensor Rows")), "Sensor Rows");
        assertThat(lake.post(PATH, admin, template("p10", "processing", Map.of("time_series", mapping("unit", "C")))).code())
                .isEqualTo("malformed_json");
    }

    @Test
    void aTemplateThatIsNotEditableKeepsItsProcessing() {
        lake.post(PATH, admin, template("frozen-processing", "editable", false, "processing", Map.of("table", "kept")));

        Response change = lake.put(PATH + "/frozen-processing", admin, template("frozen-processing", "editable", false,
                "processing", Map.of("table", "changed")));

        assertThat(change.status()).isEqualTo(409);
        assertThat(change.code()).isEqualTo("template_not_editable");
    }

    @Test
    void notEditableTemplateMayOnlyBeHiddenOrShown() {
        lake.post(PATH, admin, template("frozen", "editable", false));

        Response change = lake.put(PATH + "/frozen", admin, template("frozen", "editable", false, "label", "Changed"));
        Response unfreeze = lake.put(PATH + "/frozen", admin, template("frozen", "editable", true));
        Response hide = lake.put(PATH + "/frozen", admin, template("frozen", "visible", false));

        assertThat(change.status()).isEqualTo(409);
        assertThat(change.code()).isEqualTo("template_not_editable");
        assertThat(unfreeze.code()).isEqualTo("template_not_editable");
        assertThat(hide.status()).as(hide.toString()).isEqualTo(200);
        assertThat(lake.get(PATH + "/frozen", reader).json().path("visible").asBoolean()).isFalse();
        assertThat(lake.get(PATH + "/frozen", reader).json().path("label").asText()).isEqualTo("Template frozen");
    }

    @Test
    void deletableTemplateIsDeleted() {
        lake.post(PATH, admin, template("doomed"));

        Response answer = lake.delete(PATH + "/doomed", admin);

        assertThat(answer.status()).isEqualTo(204);
        assertThat(lake.get(PATH + "/doomed", reader).code()).isEqualTo("template_not_found");
        assertThat(lake.delete(PATH + "/doomed", admin).code()).isEqualTo("template_not_found");
    }

    @Test
    void notDeletableTemplateStays() {
        lake.post(PATH, admin, template("kept", "deletable", false));

        Response answer = lake.delete(PATH + "/kept", admin);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("template_not_deletable");
        assertThat(lake.get(PATH + "/kept", reader).status()).isEqualTo(200);
    }

    @Test
    void onlyProjectAdminsManageTemplates() {
        lake.post(PATH, admin, template("guarded"));

        assertForbidden(lake.post(PATH, reader, template("by-reader")));
        assertForbidden(lake.post(PATH, member, template("by-member")));
        assertForbidden(lake.put(PATH + "/guarded", member, template("guarded")));
        assertForbidden(lake.delete(PATH + "/guarded", member));
        assertForbidden(lake.post(PATH, lake.tokenFor("other", ProjectRole.ADMIN), template("by-stranger")));
        assertForbidden(lake.get(PATH, lake.tokenWithoutRoles()));
        assertThat(lake.post(PATH, lake.adminToken(), template("by-platform-admin")).status()).isEqualTo(201);
        assertThat(lake.get(PATH + "/by-reader", reader).code()).isEqualTo("template_not_found");
    }

    private static void assertForbidden(Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("forbidden");
    }

    @Test
    void templatesOfAMissingProjectAreNotFoundForThePlatformAdmin() {
        assertThat(lake.get("/api/v1/projects/nowhere/templates", lake.adminToken()).code()).isEqualTo("project_not_found");
    }

    @Test
    void changesAreAudited() {
        lake.post(PATH, admin, template("audited"));

        assertThat(lake.audit().list(100, null).items()).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("template.create");
            assertThat(entry.target()).isEqualTo(PROJECT + "/audited");
        });
    }
}
