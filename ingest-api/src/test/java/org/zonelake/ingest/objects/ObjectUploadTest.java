package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.FieldType;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.TemplateField;
import org.zonelake.core.metadata.UploadKind;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class ObjectUploadTest {
    static final byte[] PNG = pngBytes();
    private static final String PROJECT = "uploads";
    private static TestLake lake;
    private static ObjectsApi api;
    private static String member;
    private static String reader;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        api = new ObjectsApi(lake);
        lake.createProject(PROJECT);
        member = lake.tokenFor(PROJECT, ProjectRole.MEMBER);
        reader = lake.tokenFor(PROJECT, ProjectRole.READER);
        Instant now = Instant.now();
        lake.templates().create(new MetadataTemplate(PROJECT, "survey", "Survey", "", List.of(), List.of(
                new TemplateField("site", null, FieldType.TEXT, true, null),
                new TemplateField("depth", null, FieldType.NUMBER, false, null),
                new TemplateField("kind", null, FieldType.ENUM, false, List.of("soil", "water")),
                new TemplateField("taken", null, FieldType.DATE, false, null)), true, true, true, now, now));
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void storesAFileWithoutMetadataAndAnswersItsDocument() {
        byte[] bytes = "hello, lake\n".getBytes(StandardCharsets.UTF_8);

        Response answer = api.upload(PROJECT, member, "hello.txt", bytes);

        assertThat(answer.status()).isEqualTo(201);
        JsonNode document = answer.json();
        long id = document.path("id").asLong();
        assertThat(id).isPositive();
        assertThat(answer.header("Location")).contains("/api/v1/projects/" + PROJECT + "/objects/" + id);
        assertThat(document.path("original_object_name").asText()).isEqualTo("hello.txt");
        assertThat(document.path("sha256").asText()).isEqualTo(ObjectsApi.sha256(bytes));
        assertThat(document.path("size").asLong()).isEqualTo(bytes.length);
        assertThat(document.path("content_type").asText()).isEqualTo("text/plain");
        assertThat(document.path("status").asText()).isEqualTo("stored");
        assertThat(document.path("project").asText()).isEqualTo(PROJECT);
        assertThat(document.has("storage_name")).isFalse();
    }

    @Test
    void theDocumentHasEveryFieldOfTheReferenceSystem() {
        long id = api.store(PROJECT, member, "fields.txt", "x".getBytes(StandardCharsets.UTF_8));

        JsonNode document = api.document(PROJECT, reader, id).json();

        assertThat(document.fieldNames()).toIterable().containsExactly("id", "project", "original_object_name", "content_type",
                "data_processing", "uploader", "application", "description", "template", "other_data", "sha256", "size", "status",
                "creation_date", "last_modified", "successful_operations", "failed_operations", "parent_id");
        assertThat(document.path("parent_id").isNull()).isTrue();
        assertThat(Instant.parse(document.path("creation_date").asText())).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void storesTemplateMetadataNormalisedWithTheDescriptiveFields() {
        Multipart body = Multipart.create()
                .metadata("{\"template\": \"survey\", \"values\": {\"site\": \"north\", \"depth\": \"12.50\", \"kind\": \"soil\","
                        + " \"taken\": \"2024-05-01\"}, \"data_processing\": \"raw\", \"application\": \"field-app\","
                        + " \"description\": \"first core\"}")
                .file("core.txt", "core sample".getBytes(StandardCharsets.UTF_8));

        long id = api.store(PROJECT, member, body);

        JsonNode document = api.document(PROJECT, reader, id).json();
        assertThat(document.path("template").asText()).isEqualTo("survey");
        assertThat(document.path("other_data").path("site").asText()).isEqualTo("north");
        assertThat(document.path("other_data").path("depth").asDouble()).isEqualTo(12.5);
        assertThat(document.path("other_data").path("kind").asText()).isEqualTo("soil");
        assertThat(document.path("other_data").path("taken").asText()).isEqualTo("2024-05-01");
        assertThat(document.path("data_processing").asText()).isEqualTo("raw");
        assertThat(document.path("application").asText()).isEqualTo("field-app");
        assertThat(document.path("description").asText()).isEqualTo("first core");
        assertThat(document.path("uploader").asText()).startsWith("member-" + PROJECT);
    }

    @Test
    void detectsTheContentTypeFromTheBytesNotTheName() {
        long png = api.store(PROJECT, member, "x.bin", PNG);
        long csv = api.store(PROJECT, member, "table.csv", "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        long json = api.store(PROJECT, member, "data.json", "{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8));

        assertThat(api.document(PROJECT, reader, png).json().path("content_type").asText()).isEqualTo("image/png");
        assertThat(api.document(PROJECT, reader, csv).json().path("content_type").asText()).isEqualTo("text/csv");
        assertThat(api.document(PROJECT, reader, json).json().path("content_type").asText()).isEqualTo("application/json");
        assertThat(api.content(PROJECT, reader, png).header("Content-Type")).contains("image/png");
        assertThat(api.content(PROJECT, reader, csv).header("Content-Type")).contains("text/csv");
    }

    @Test
    void downloadsByteForByteWithValidators() {
        byte[] bytes = randomBytes(3 * 1024 * 1024 + 17, 1);
        long id = api.store(PROJECT, member, "big.bin", bytes);

        Response answer = api.content(PROJECT, reader, id);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(bytes);
        assertThat(answer.header("ETag")).contains("\"" + ObjectsApi.sha256(bytes) + "\"");
        assertThat(answer.header("Content-Length")).contains(Long.toString(bytes.length));
        assertThat(answer.header("Accept-Ranges")).contains("bytes");
        assertThat(answer.header("Last-Modified")).isPresent();
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void servesSingleByteRanges() {
        byte[] bytes = randomBytes(10_000, 2);
        long id = api.store(PROJECT, member, "ranges.bin", bytes);

        assertRange(id, "bytes=0-9", bytes, 0, 9);
        assertRange(id, "bytes=5000-5099", bytes, 5000, 5099);
        assertRange(id, "bytes=-100", bytes, 9900, 9999);
        assertRange(id, "bytes=9990-", bytes, 9990, 9999);
        assertRange(id, "bytes=9000-20000", bytes, 9000, 9999);
    }

    private static void assertRange(long id, String range, byte[] bytes, int first, int last) {
        Response answer = api.content(PROJECT, reader, id, "Range", range);

        assertThat(answer.status()).as(range).isEqualTo(206);
        assertThat(answer.header("Content-Range")).as(range).contains("bytes " + first + "-" + last + "/" + bytes.length);
        assertThat(answer.body()).as(range).isEqualTo(java.util.Arrays.copyOfRange(bytes, first, last + 1));
    }

    @Test
    void rangeBeyondTheEndIsUnsatisfiable() {
        long id = api.store(PROJECT, member, "short.bin", new byte[100]);

        Response answer = api.content(PROJECT, reader, id, "Range", "bytes=100-");

        assertThat(answer.status()).isEqualTo(416);
        assertThat(answer.code()).isEqualTo("range_not_satisfiable");
        assertThat(answer.header("Content-Range")).contains("bytes */100");
    }

    @Test
    void severalRangesAreAnsweredWithTheWholeObject() {
        byte[] bytes = randomBytes(1000, 3);
        long id = api.store(PROJECT, member, "multi.bin", bytes);

        Response answer = api.content(PROJECT, reader, id, "Range", "bytes=0-1,10-11");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(bytes);
    }

    @Test
    void matchingIfNoneMatchAnswersNotModified() {
        byte[] bytes = "cached".getBytes(StandardCharsets.UTF_8);
        long id = api.store(PROJECT, member, "cached.txt", bytes);
        String etag = "\"" + ObjectsApi.sha256(bytes) + "\"";

        Response same = api.content(PROJECT, reader, id, "If-None-Match", "\"other\", " + etag);
        Response other = api.content(PROJECT, reader, id, "If-None-Match", "\"other\"");

        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.header("ETag")).contains(etag);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(bytes);
    }

    @Test
    void ifRangeServesTheRangeOnlyForTheSameContent() {
        byte[] bytes = randomBytes(500, 4);
        long id = api.store(PROJECT, member, "ifrange.bin", bytes);
        String etag = "\"" + ObjectsApi.sha256(bytes) + "\"";

        Response same = api.content(PROJECT, reader, id, "Range", "bytes=0-9", "If-Range", etag);
        Response changed = api.content(PROJECT, reader, id, "Range", "bytes=0-9", "If-Range", "\"something-else\"");

        assertThat(same.status()).isEqualTo(206);
        assertThat(same.body()).hasSize(10);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(bytes);
    }

    @Test
    void headAnswersTheHeadersWithoutTheBytes() {
        byte[] bytes = randomBytes(4096, 5);
        long id = api.store(PROJECT, member, "head.bin", bytes);

        Response whole = lake.send(lake.request(ObjectsApi.objects(PROJECT) + "/" + id + "/content", reader)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        Response range = lake.send(lake.request(ObjectsApi.objects(PROJECT) + "/" + id + "/content", reader)
                .header("Range", "bytes=-96").method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEmpty();
        assertThat(whole.header("Content-Length")).contains("4096");
        assertThat(whole.header("ETag")).contains("\"" + ObjectsApi.sha256(bytes) + "\"");
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.header("Content-Range")).contains("bytes 4000-4095/4096");
    }

    @Test
    void emptyObjectsAreStoredAndServed() {
        long id = api.store(PROJECT, member, "empty.dat", new byte[0]);

        Response answer = api.content(PROJECT, reader, id);

        assertThat(api.document(PROJECT, reader, id).json().path("size").asLong()).isZero();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(answer.header("ETag")).contains("\"" + ObjectsApi.sha256(new byte[0]) + "\"");
    }

    @Test
    void contentDispositionCarriesASafeNameInBothForms() {
        assertDisposition("my report 2024.csv", "my report 2024.csv", "my report 2024.csv");
        assertDisposition("résumé été.txt", "r_sum_ _t_.txt", "résumé été.txt");
        assertDisposition("../../etc/passwd", "passwd", "passwd");
        assertDisposition("bell\u0007ring.txt", "bell_ring.txt", "bell_ring.txt");
    }

    private static void assertDisposition(String name, String fallback, String exact) {
        long id = api.store(PROJECT, member, name, "x".getBytes(StandardCharsets.UTF_8));

        String header = api.content(PROJECT, reader, id).header("Content-Disposition").orElseThrow();

        assertThat(header).as(name).startsWith("attachment; filename=\"" + fallback + "\"; filename*=UTF-8''");
        String encoded = header.substring(header.indexOf("UTF-8''") + 7);
        assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).as(name).isEqualTo(exact);
    }

    @Test
    void strangeNamesAreKeptVerbatimAndNeverBecomePaths() {
        List<Path> before = ObjectsApi.files(lake.dataDir());
        for (String name : List.of("a/b/c.txt", "../../../outside.txt", "..", "bell\u0007.txt", "\u202egnp.exe", "photo \uD83D\uDCF7.jpg",
                "C:\\Windows\\evil.dll")) {
            long id = api.store(PROJECT, member, name, name.getBytes(StandardCharsets.UTF_8));

            assertThat(api.document(PROJECT, reader, id).json().path("original_object_name").asText()).isEqualTo(name);
            assertThat(lake.objectStore().stat(new ObjectKey(PROJECT, Long.toString(id)))).as(name).isPresent();
            assertThat(api.content(PROJECT, reader, id).body()).isEqualTo(name.getBytes(StandardCharsets.UTF_8));
        }
        Path objects = lake.dataDir().resolve("raw").resolve(PROJECT).resolve("objects");
        List<Path> added = ObjectsApi.files(lake.dataDir()).stream().filter(path -> !before.contains(path)).toList();
        assertThat(added).isNotEmpty().allSatisfy(path -> assertThat(path.startsWith(objects)).as(path.toString()).isTrue());
        assertThat(added).allSatisfy(path -> assertThat(objects.relativize(path).getName(0).toString()).matches("[0-9]+"));
    }

    @Test
    void singleRequestUploadsAreTrackedAsStored() {
        byte[] bytes = "tracked".getBytes(StandardCharsets.UTF_8);
        long id = api.store(PROJECT, member, "tracked.txt", bytes);

        UploadRecord record = uploadOf(id);

        assertThat(record.kind()).isEqualTo(UploadKind.SINGLE_REQUEST);
        assertThat(record.state()).isEqualTo(UploadState.STORED);
        assertThat(record.bytesReceived()).isEqualTo(bytes.length);
        assertThat(record.originalName()).isEqualTo("tracked.txt");
    }

    private static UploadRecord uploadOf(long objectId) {
        return lake.uploads().list(PROJECT, 1000, null).items().stream()
                .filter(upload -> Long.valueOf(objectId).equals(upload.objectId()))
                .findFirst().orElseThrow(() -> new AssertionError("No upload record of object " + objectId));
    }

    @Test
    void unknownAndNonNumericIdsAreNotFound() {
        assertThat(lake.get(ObjectsApi.objects(PROJECT) + "/999999", reader).code()).isEqualTo("object_not_found");
        Response word = lake.get(ObjectsApi.objects(PROJECT) + "/abc", reader);
        assertThat(word.status()).isEqualTo(404);
        assertThat(word.code()).isEqualTo("object_not_found");
        assertThat(lake.get(ObjectsApi.objects(PROJECT) + "/-1/content", reader).code()).isEqualTo("object_not_found");
    }

    @Test
    void pendingAndDeletingObjectsAreInvisible() {
        long pending = lake.objects().allocateId(PROJECT);
        lake.objects().insert(ObjectDocument.pending(PROJECT, pending, Long.toString(pending), "pending.txt", "someone", null, null, null,
                null, null, Instant.now()));
        long deleting = api.store(PROJECT, member, "deleting.txt", "d".getBytes(StandardCharsets.UTF_8));
        lake.objects().markDeleting(PROJECT, deleting, Instant.now());

        for (long id : new long[] {pending, deleting}) {
            assertThat(api.document(PROJECT, reader, id).code()).isEqualTo("object_not_found");
            assertThat(api.content(PROJECT, reader, id).code()).isEqualTo("object_not_found");
            assertThat(lake.delete(ObjectsApi.objects(PROJECT) + "/" + id, member).code()).isEqualTo("object_not_found");
        }
        assertThat(api.catalogIds(PROJECT, reader, "limit=1000")).doesNotContain(pending, deleting);
    }

    @Test
    void readersMayNotUploadAndStrangersMayNotRead() {
        long id = api.store(PROJECT, member, "private.txt", "p".getBytes(StandardCharsets.UTF_8));
        String stranger = lake.tokenWithoutRoles();

        Response upload = api.upload(PROJECT, reader, "no.txt", "n".getBytes(StandardCharsets.UTF_8));

        assertThat(upload.status()).isEqualTo(403);
        assertThat(upload.code()).isEqualTo("forbidden");
        assertThat(api.document(PROJECT, stranger, id).status()).isEqualTo(403);
        assertThat(api.content(PROJECT, stranger, id).status()).isEqualTo(403);
        assertThat(lake.get(ObjectsApi.objects(PROJECT), stranger).status()).isEqualTo(403);
        assertThat(lake.get(ObjectsApi.objects(PROJECT), null).status()).isEqualTo(401);
    }

    @Test
    void deletedObjectsAreGoneEverywhere() {
        long id = api.store(PROJECT, member, "doomed.txt", "d".getBytes(StandardCharsets.UTF_8));
        assertThat(lake.delete(ObjectsApi.objects(PROJECT) + "/" + id, reader).status()).isEqualTo(403);

        Response answer = lake.delete(ObjectsApi.objects(PROJECT) + "/" + id, member);

        assertThat(answer.status()).isEqualTo(204);
        assertThat(api.document(PROJECT, reader, id).code()).isEqualTo("object_not_found");
        assertThat(api.content(PROJECT, reader, id).code()).isEqualTo("object_not_found");
        assertThat(api.catalogIds(PROJECT, reader, "limit=1000")).doesNotContain(id);
        assertThat(lake.objectStore().stat(new ObjectKey(PROJECT, Long.toString(id)))).isEmpty();
        assertThat(lake.delete(ObjectsApi.objects(PROJECT) + "/" + id, member).code()).isEqualTo("object_not_found");
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] pngBytes() {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
                0, 0, 0, (byte) 0x90, 0x77, 0x53, (byte) 0xde};
        return header;
    }
}
