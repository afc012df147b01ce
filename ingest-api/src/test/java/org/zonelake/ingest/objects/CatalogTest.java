package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.FieldType;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TemplateField;
import org.zonelake.core.testing.MutableClock;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

/** The catalog of one project holding five objects made at known instants. */
class CatalogTest {
    private static final String PROJECT = "catalog";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private static TestLake lake;
    private static ObjectsApi api;
    private static String reader;
    private static long alpha;
    private static long beta;
    private static long gamma;
    private static long delta;
    private static long epsilon;

    @BeforeAll
    static void fillCatalog() {
        lake = TestLake.start(builder -> builder.runPipelines(false).clock(CLOCK).tokenTtl(Duration.ofDays(3650)));
        api = new ObjectsApi(lake);
        lake.createProject(PROJECT);
        lake.createProject("elsewhere");
        String member = lake.tokenFor(PROJECT, ProjectRole.MEMBER);
        reader = lake.tokenFor(PROJECT, ProjectRole.READER);
        lake.templates().create(new MetadataTemplate(PROJECT, "survey", null, null, List.of(), List.of(
                new TemplateField("site", null, FieldType.TEXT, true, null),
                new TemplateField("depth", null, FieldType.NUMBER, false, null)), true, true, true, CLOCK.instant(), CLOCK.instant()));
        alpha = at("2024-01-10T10:00:00Z", member, Multipart.create()
                .metadata("{\"template\": \"survey\", \"values\": {\"site\": \"north\", \"depth\": 5}, \"description\": \"first batch\"}")
                .file("alpha report.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        beta = at("2024-02-10T10:00:00Z", member, Multipart.create().file("beta.png", ObjectUploadTest.PNG));
        gamma = at("2024-03-10T10:00:00Z", member, Multipart.create()
                .metadata("{\"template\": \"survey\", \"values\": {\"site\": \"south\", \"depth\": \"7\"}, \"description\": \"Second REPORT\"}")
                .file("gamma.json", "{\"values\": [1, 2, 3, 4, 5, 6]}".getBytes(StandardCharsets.UTF_8)));
        delta = at("2024-03-20T10:00:00Z", member, Multipart.create().file("delta.png", pngOf(300)));
        epsilon = at("2024-04-01T10:00:00Z", member, Multipart.create().file("epsilon.txt", "e".repeat(1000).getBytes(StandardCharsets.UTF_8)));
        CLOCK.set(Instant.parse("2024-04-02T00:00:00Z"));
        api.store("elsewhere", lake.adminToken(), "alpha other.csv", "x,y\n".getBytes(StandardCharsets.UTF_8));
    }

    private static long at(String instant, String token, Multipart body) {
        CLOCK.set(Instant.parse(instant));
        return api.store(PROJECT, token, body);
    }

    private static byte[] pngOf(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(ObjectUploadTest.PNG, 0, bytes, 0, ObjectUploadTest.PNG.length);
        return bytes;
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    private static List<Long> search(String query) {
        return api.catalogIds(PROJECT, reader, query);
    }

    @Test
    void listsNewestFirstByDefault() {
        assertThat(search("")).containsExactly(epsilon, delta, gamma, beta, alpha);
    }

    @Test
    void itemsCarryIdNameAndTheWholeDocument() {
        JsonNode item = lake.get(ObjectsApi.objects(PROJECT) + "?q=alpha", reader).json().path("items").get(0);

        assertThat(item.path("id").asLong()).isEqualTo(alpha);
        assertThat(item.path("original_object_name").asText()).isEqualTo("alpha report.csv");
        assertThat(item.path("other_data").path("site").asText()).isEqualTo("north");
        assertThat(item.path("status").asText()).isEqualTo("stored");
    }

    @Test
    void filtersByExactContentTypeOrFamily() {
        assertThat(search("content_type=image/png")).containsExactly(delta, beta);
        assertThat(search("content_type=image/*")).containsExactly(delta, beta);
        assertThat(search("content_type=text/csv")).containsExactly(alpha);
        assertThat(search("content_type=video/*")).isEmpty();
    }

    @Test
    void filtersByCreationDates() {
        assertThat(search("from=2024-02-01&to=2024-03-10")).containsExactly(gamma, beta);
        assertThat(search("from=2024-03-10T00:00:00Z&to=2024-03-20T10:00:00Z")).containsExactly(gamma);
        assertThat(search("from=2024-03-15")).containsExactly(epsilon, delta);
        assertThat(search("to=2024-01-31")).containsExactly(alpha);
    }

    @Test
    void filtersByTemplateAndFieldValues() {
        assertThat(search("template=survey")).containsExactly(gamma, alpha);
        assertThat(search("field.site=north")).containsExactly(alpha);
        assertThat(search("field.site=south&field.depth=7")).containsExactly(gamma);
        assertThat(search("field.site=north&field.depth=7")).isEmpty();
        assertThat(search("template=survey&field.depth=5")).containsExactly(alpha);
    }

    @Test
    void findsTextInNamesAndDescriptionsIgnoringCase() {
        assertThat(search("q=report")).containsExactly(gamma, alpha);
        assertThat(search("q=BETA")).containsExactly(beta);
        assertThat(search("q=.png")).containsExactly(delta, beta);
        assertThat(search("q=alpha%20report")).containsExactly(alpha);
    }

    @Test
    void sortsByEachFieldInEitherOrder() {
        assertThat(search("sort=original_object_name&order=asc")).containsExactly(alpha, beta, delta, epsilon, gamma);
        assertThat(search("sort=original_object_name&order=desc")).containsExactly(gamma, epsilon, delta, beta, alpha);
        assertThat(search("sort=size&order=asc")).containsExactly(alpha, gamma, beta, delta, epsilon);
        assertThat(search("sort=id&order=asc")).containsExactly(alpha, beta, gamma, delta, epsilon);
        assertThat(search("sort=creation_date&order=asc")).containsExactly(alpha, beta, gamma, delta, epsilon);
    }

    @Test
    void pagesFollowTheCursorToTheEnd() {
        assertThat(allPages("limit=2")).containsExactly(List.of(epsilon, delta), List.of(gamma, beta), List.of(alpha));
        assertThat(allPages("limit=2&sort=original_object_name&order=asc"))
                .containsExactly(List.of(alpha, beta), List.of(delta, epsilon), List.of(gamma));
        assertThat(allPages("limit=3&content_type=image/*")).containsExactly(List.of(delta, beta));
    }

    private static List<List<Long>> allPages(String query) {
        List<List<Long>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Response answer = lake.get(ObjectsApi.objects(PROJECT) + "?" + query + (cursor == null ? "" : "&cursor=" + cursor), reader);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            pages.add(ObjectsApi.ids(answer.json().path("items")));
            JsonNode next = answer.json().path("next_cursor");
            assertThat(answer.json().has("next_cursor")).isTrue();
            cursor = next.isNull() ? null : next.asText();
        } while (cursor != null && pages.size() < 10);
        return pages;
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        for (String query : List.of("limit=0", "limit=1001", "sort=colour", "order=up", "from=yesterday", "content_type=csv",
                "colour=red", "field.9=x")) {
            Response answer = lake.get(ObjectsApi.objects(PROJECT) + "?" + query, reader);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.code()).as(query).isEqualTo("invalid_request");
            assertThat(answer.json().path("parameter").asText()).as(query).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void foreignCursorIsRefused() {
        Response answer = lake.get(ObjectsApi.objects(PROJECT) + "?cursor=not-a-cursor", reader);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_cursor");
    }

    @Test
    void catalogNeedsAtLeastTheReaderRole() {
        assertThat(lake.get(ObjectsApi.objects(PROJECT), lake.tokenFor("elsewhere", ProjectRole.ADMIN)).code()).isEqualTo("forbidden");
    }
}
