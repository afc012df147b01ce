package org.zonelake.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.ingest.TestLake;

/** The upload list tells readers about uploads of both kinds, from the first byte to the end of processing. */
class UploadTrackingTest {
    private static final String PROJECT = "tracking";
    private static final String BOUNDARY = "zonelake-test-boundary";

    private static TestLake lake;
    private static TusRequests tus;
    private static String member;
    private static String reader;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start();
        tus = new TusRequests(lake);
        lake.createProject(PROJECT);
        member = lake.tokenFor(PROJECT, ProjectRole.MEMBER);
        reader = lake.tokenFor(PROJECT, ProjectRole.READER);
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void listsSingleRequestAndResumableUploadsNewestFirstUntilProcessed() {
        TestLake.Response single = uploadInOneRequest("single.csv", "a,b\n1,2\n");
        assertThat(single.status()).as("single-request upload %s", single).isEqualTo(201);
        String receiving = tus.created(PROJECT, member, 100, TusRequests.filename("half.bin"));
        tus.patch(receiving, member, 0, new byte[40]);
        byte[] content = "x,y\n3,4\n".getBytes(StandardCharsets.UTF_8);
        String complete = tus.created(PROJECT, member, content.length, TusRequests.filename("resumable.csv"));
        tus.patch(complete, member, 0, content);

        JsonNode items = lake.get(TusRequests.collection(PROJECT), reader).json().path("items");

        // Most recently updated first; the process zone may update the single upload at any moment, so the order is
        // checked as a rule, not as a fixed list.
        assertThat(names(items)).containsExactlyInAnyOrder("resumable.csv", "half.bin", "single.csv");
        assertThat(updatedTimes(items)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode half = byName(items, "half.bin");
        assertThat(half.path("kind").asText()).isEqualTo("resumable");
        assertThat(half.path("state").asText()).isEqualTo("receiving");
        assertThat(half.path("length").asLong()).isEqualTo(100);
        assertThat(half.path("bytes_received").asLong()).isEqualTo(40);
        assertThat(half.path("object_id").isNull()).isTrue();
        assertThat(half.path("uploader").asText()).startsWith("member-" + PROJECT);
        assertThat(half.path("started_at").asText()).isNotEmpty();
        JsonNode singleRecord = byName(items, "single.csv");
        assertThat(singleRecord.path("kind").asText()).isEqualTo("single_request");
        awaitState(TusRequests.id(complete), "processed");
        awaitState(singleRecord.path("id").asText(), "processed");
        JsonNode processed = lake.get(complete, reader).json();
        assertThat(processed.path("object_id").asLong()).isPositive();
        assertThat(processed.path("bytes_received").asLong()).isEqualTo(content.length);
    }

    @Test
    void pagesThroughTheListWithACursor() {
        String project = "tracking-pages";
        lake.createProject(project);
        String token = lake.tokenFor(project, ProjectRole.MEMBER);
        for (int i = 0; i < 5; i++) {
            tus.created(project, token, 10, TusRequests.filename("file-" + i + ".bin"));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = lake.get(TusRequests.collection(project) + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token).json();
            assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
            seen.addAll(names(page.path("items")));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);

        assertThat(seen).containsExactly("file-4.bin", "file-3.bin", "file-2.bin", "file-1.bin", "file-0.bin");
    }

    @Test
    void answersNotFoundForAnUnknownUpload() {
        TestLake.Response answer = lake.get(TusRequests.collection(PROJECT) + "/no-such-upload", reader);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("upload_not_found");
    }

    private static void awaitState(String uploadId, String state) {
        TestLake.await(Duration.ofSeconds(30),
                () -> state.equals(lake.get(TusRequests.collection(PROJECT) + "/" + uploadId, reader).json().path("state").asText()),
                "upload " + uploadId + " to be " + state);
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("original_name").asText()));
        return names;
    }

    private static TestLake.Response uploadInOneRequest(String name, String text) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return lake.send(lake.request("/api/v1/projects/" + PROJECT + "/objects", member)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static JsonNode byName(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.path("original_name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("No upload named " + name + " in " + items);
    }

    private static List<java.time.Instant> updatedTimes(JsonNode items) {
        List<java.time.Instant> times = new ArrayList<>();
        items.forEach(item -> times.add(java.time.Instant.parse(item.path("updated_at").asText())));
        return times;
    }
}
