package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class ObjectArchiveTest {
    private static final String PROJECT = "archive";
    private static final byte[] FIRST = "first same\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECOND = ObjectUploadTest.randomBytes(200_000, 21);
    private static final byte[] OTHER = "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EVIL = "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8);
    private static TestLake lake;
    private static ObjectsApi api;
    private static String reader;
    private static long first;
    private static long second;
    private static long other;
    private static long evil;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        api = new ObjectsApi(lake);
        lake.createProject(PROJECT);
        String member = lake.tokenFor(PROJECT, ProjectRole.MEMBER);
        reader = lake.tokenFor(PROJECT, ProjectRole.READER);
        first = api.store(PROJECT, member, "same.txt", FIRST);
        second = api.store(PROJECT, member, "same.txt", SECOND);
        other = api.store(PROJECT, member, "other.csv", OTHER);
        evil = api.store(PROJECT, member, "../../evil.sh", EVIL);
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void zipsTheObjectsWithSafeUniqueNamesAndTheirExactBytes() throws IOException {
        Response answer = lake.post(ObjectsApi.objects(PROJECT) + "/archive", reader, Map.of("ids", List.of(first, second, other)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).contains("application/zip");
        assertThat(answer.header("Content-Disposition").orElseThrow()).startsWith("attachment; filename=\"archive-objects.zip\"");
        Map<String, byte[]> entries = unzip(answer.body());
        assertThat(entries.keySet()).containsExactly("same.txt", "same (2).txt", "other.csv");
        assertThat(entries.get("same.txt")).isEqualTo(FIRST);
        assertThat(entries.get("same (2).txt")).isEqualTo(SECOND);
        assertThat(entries.get("other.csv")).isEqualTo(OTHER);
    }

    @Test
    void entryNamesNeverLeaveTheExtractionDirectory() throws IOException {
        Response answer = lake.post(ObjectsApi.objects(PROJECT) + "/archive", reader, Map.of("ids", List.of(evil)));

        assertThat(unzip(answer.body())).containsOnlyKeys("evil.sh").allSatisfy((name, bytes) -> assertThat(bytes).isEqualTo(EVIL));
    }

    @Test
    void plainLinkGivesTheSameArchive() throws IOException {
        Response answer = lake.get(ObjectsApi.objects(PROJECT) + "/archive?ids=" + first + "," + second + "," + other, reader);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(unzip(answer.body()).keySet()).containsExactly("same.txt", "same (2).txt", "other.csv");
    }

    @Test
    void unknownIdsAreNotFoundBeforeAnyByte() {
        Response answer = lake.post(ObjectsApi.objects(PROJECT) + "/archive", reader, Map.of("ids", List.of(first, 999_999, 888_888)));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("object_not_found");
        assertThat(answer.json().path("missing_ids").toString()).isEqualTo("[999999,888888]");
    }

    @Test
    void noIdsOrTooManyAreRefused() {
        List<Long> tooMany = LongStream.rangeClosed(1, 1001).boxed().toList();

        assertThat(lake.post(ObjectsApi.objects(PROJECT) + "/archive", reader, Map.of("ids", tooMany)).code()).isEqualTo("invalid_request");
        assertThat(lake.post(ObjectsApi.objects(PROJECT) + "/archive", reader, Map.of("ids", List.of())).code()).isEqualTo("invalid_request");
        assertThat(lake.get(ObjectsApi.objects(PROJECT) + "/archive", reader).code()).isEqualTo("invalid_request");
        assertThat(lake.get(ObjectsApi.objects(PROJECT) + "/archive?ids=1,two", reader).code()).isEqualTo("invalid_request");
        assertThat(lake.post(ObjectsApi.objects(PROJECT) + "/archive", reader, "{\"ids\": ").code()).isEqualTo("malformed_json");
    }

    @Test
    void strangersMayNotDownloadArchives() {
        Response answer = lake.get(ObjectsApi.objects(PROJECT) + "/archive?ids=" + first, lake.tokenWithoutRoles());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("forbidden");
    }

    @Test
    void archiveWhoseBytesVanishMidwayIsCutRatherThanCompleted() {
        long kept = api.store(PROJECT, lake.adminToken(), "kept.bin", ObjectUploadTest.randomBytes(300_000, 22));
        long lost = api.store(PROJECT, lake.adminToken(), "lost.bin", ObjectUploadTest.randomBytes(300_000, 23));
        lake.objectStore().delete(new ObjectKey(PROJECT, Long.toString(lost)));

        assertThatThrownBy(() -> lake.post(ObjectsApi.objects(PROJECT) + "/archive", reader, Map.of("ids", List.of(kept, lost))))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(api.content(PROJECT, reader, lost).code()).isEqualTo("object_not_found");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                assertThat(entry.getName()).doesNotContain("/", "\\").isNotEqualTo("..");
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
