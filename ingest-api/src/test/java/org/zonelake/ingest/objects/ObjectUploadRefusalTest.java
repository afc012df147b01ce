package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.FieldType;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TemplateField;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

/** Uploads the lake refuses: each in a project of its own, which must hold nothing afterwards. */
class ObjectUploadRefusalTest {
    private static final AtomicInteger PROJECTS = new AtomicInteger();
    private static final byte[] TEXT = "some text\n".getBytes(StandardCharsets.UTF_8);
    private static TestLake lake;
    private static ObjectsApi api;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        api = new ObjectsApi(lake);
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    /** A new project with the template "survey" (site: required text, depth: number, kind: soil|water; CSV and images only). */
    private static String newProject() {
        String project = "refusal-" + PROJECTS.incrementAndGet();
        lake.createProject(project);
        Instant now = Instant.now();
        lake.templates().create(new MetadataTemplate(project, "survey", null, null, List.of("text/csv", "image/*"), List.of(
                new TemplateField("site", null, FieldType.TEXT, true, null),
                new TemplateField("depth", null, FieldType.NUMBER, false, null),
                new TemplateField("kind", null, FieldType.ENUM, false, List.of("soil", "water"))), true, true, true, now, now));
        return project;
    }

    private static Response refused(String project, Multipart body, int status, String code) {
        Response answer = api.upload(project, lake.adminToken(), body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.code()).isEqualTo(code);
        api.assertNothingLeft(project);
        return answer;
    }

    @Test
    void malformedMetadataJsonIsRefused() {
        String project = newProject();

        refused(project, Multipart.create().metadata("{\"template\": \"survey\", ").file("a.csv", TEXT), 400, "malformed_json");
    }

    @Test
    void unknownMetadataMembersAreRefused() {
        String project = newProject();

        refused(project, Multipart.create().metadata("{\"colour\": \"red\"}").file("a.csv", TEXT), 400, "malformed_json");
    }

    @Test
    void unknownTemplateIsRefused() {
        String project = newProject();

        refused(project, Multipart.create().metadata("{\"template\": \"nope\"}").file("a.csv", TEXT), 400, "unknown_template");
    }

    @Test
    void missingRequiredFieldIsRefusedNamingTheField() {
        String project = newProject();

        Response answer = refused(project, Multipart.create().metadata("{\"template\": \"survey\", \"values\": {\"depth\": 3}}")
                .file("a.csv", TEXT), 400, "invalid_metadata");

        assertThat(answer.json().path("fields").has("site")).isTrue();
    }

    @Test
    void wrongNumberIsRefusedNamingTheField() {
        String project = newProject();

        Response answer = refused(project, Multipart.create()
                .metadata("{\"template\": \"survey\", \"values\": {\"site\": \"n\", \"depth\": \"deep\"}}").file("a.csv", TEXT),
                400, "invalid_metadata");

        assertThat(answer.json().path("fields").path("depth").asText()).contains("number");
    }

    @Test
    void enumValueNotAllowedIsRefusedNamingTheField() {
        String project = newProject();

        Response answer = refused(project, Multipart.create()
                .metadata("{\"template\": \"survey\", \"values\": {\"site\": \"n\", \"kind\": \"air\"}}").file("a.csv", TEXT),
                400, "invalid_metadata");

        assertThat(answer.json().path("fields").path("kind").asText()).contains("soil");
    }

    @Test
    void valuesWithoutTemplateAreRefused() {
        String project = newProject();

        refused(project, Multipart.create().metadata("{\"values\": {\"site\": \"n\"}}").file("a.csv", TEXT), 400, "invalid_metadata");
    }

    @Test
    void typeTheTemplateDoesNotAcceptIsRefused() {
        String project = newProject();

        refused(project, Multipart.create().metadata("{\"template\": \"survey\", \"values\": {\"site\": \"n\"}}")
                .file("notes.json", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)), 400, "content_type_not_accepted");
    }

    @Test
    void tooLongNameIsRefused() {
        String project = newProject();

        refused(project, Multipart.create().file("n".repeat(252) + ".txt", TEXT), 400, "invalid_name");
    }

    @Test
    void missingFileNameIsRefused() {
        String project = newProject();

        refused(project, Multipart.create().part("file", null, "text/plain", TEXT), 400, "invalid_name");
    }

    @Test
    void metadataAfterTheFileIsRefused() {
        String project = newProject();

        Response answer = refused(project, Multipart.create().file("a.csv", TEXT).metadata("{\"template\": \"survey\"}"),
                400, "invalid_request");

        assertThat(answer.json().path("detail").asText()).contains("'metadata' part must come before the 'file' part");
    }

    @Test
    void secondFileIsRefused() {
        String project = newProject();

        refused(project, Multipart.create().file("a.txt", TEXT).file("b.txt", TEXT), 400, "invalid_request");
    }

    @Test
    void bodyWithoutFilePartIsRefused() {
        String project = newProject();

        Response answer = refused(project, Multipart.create().metadata("{}"), 400, "invalid_request");

        assertThat(answer.json().path("detail").asText()).contains("'file'");
    }

    @Test
    void unexpectedPartIsRefused() {
        String project = newProject();

        refused(project, Multipart.create().part("colour", null, "text/plain", TEXT).file("a.txt", TEXT), 400, "invalid_request");
    }

    @Test
    void tooLargeMetadataIsRefused() {
        String project = newProject();
        String description = "d".repeat(64 * 1024);

        refused(project, Multipart.create().metadata("{\"description\": \"" + description + "\"}").file("a.txt", TEXT),
                413, "metadata_too_large");
    }

    @Test
    void bodyThatIsNotMultipartIsRefused() {
        String project = newProject();

        Response answer = lake.send(lake.request(ObjectsApi.objects(project), lake.adminToken())
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(TEXT)));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.code()).isEqualTo("unsupported_media_type");
        api.assertNothingLeft(project);
    }

    @Test
    void bodyThatBreaksOffBeforeTheClosingDelimiterIsRefused() {
        String project = newProject();
        byte[] whole = Multipart.create().file("cut.txt", TEXT).bytes();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 10);

        Response answer = lake.send(lake.request(ObjectsApi.objects(project), lake.adminToken())
                .header("Content-Type", Multipart.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(cut)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_request");
        api.assertNothingLeft(project);
    }

    @Test
    void refusedUploadsAreTrackedAsFailedWithTheReason() {
        String project = newProject();

        refused(project, Multipart.create().metadata("{\"template\": \"nope\"}").file("tracked.csv", TEXT), 400, "unknown_template");

        List<UploadRecord> uploads = lake.uploads().list(project, 10, null).items();
        assertThat(uploads).singleElement().satisfies(upload -> {
            assertThat(upload.state()).isEqualTo(UploadState.FAILED);
            assertThat(upload.failureReason()).contains("nope");
            assertThat(upload.originalName()).isEqualTo("tracked.csv");
        });
    }

    @Test
    void projectMembersOfAnotherProjectAreForbidden() {
        String project = newProject();
        String other = newProject();
        String token = lake.tokenFor(other, ProjectRole.MEMBER);

        Response answer = api.upload(project, token, "a.txt", TEXT);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("forbidden");
        api.assertNothingLeft(project);
    }
}
