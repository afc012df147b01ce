package org.zonelake.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.LimitsConfig;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.FieldType;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TemplateField;
import org.zonelake.ingest.TestLake;

/** What the tus endpoints answer to requests that break the protocol or the lake's rules. */
class TusProtocolErrorsTest {
    private static final String PROJECT = "tus-errors";
    private static final String OTHER_PROJECT = "tus-errors-other";
    private static final long MAX_OBJECT = 1 << 20;
    private static final long MAX_CHUNK = 64 * 1024;

    private static TestLake lake;
    private static TusRequests tus;
    private static String member;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false)
                .limits(new LimitsConfig(MAX_OBJECT, MAX_CHUNK, 255, 64 * 1024)));
        tus = new TusRequests(lake);
        lake.createProject(PROJECT);
        lake.createProject(OTHER_PROJECT);
        member = lake.tokenFor(PROJECT, ProjectRole.MEMBER);
        Instant now = Instant.now();
        lake.templates().create(new MetadataTemplate(PROJECT, "sensors", "Sensors", "", List.of(),
                List.of(new TemplateField("station", "Station", FieldType.TEXT, true, List.of()),
                        new TemplateField("depth", "Depth", FieldType.NUMBER, false, List.of())),
                true, true, true, now, now));
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void optionsTellsTheProtocolWithoutAToken() {
        TestLake.Response options = lake.send(lake.request(TusRequests.collection(PROJECT), null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Tus-Resumable")).contains("1.0.0");
        assertThat(options.header("Tus-Version")).contains("1.0.0");
        assertThat(options.header("Tus-Extension")).contains("creation,termination");
        assertThat(options.header("Tus-Max-Size")).contains(Long.toString(MAX_OBJECT));
    }

    @Test
    void refusesRequestsWithoutTusResumable() {
        TestLake.Response answer = lake.send(lake.request(TusRequests.collection(PROJECT), member)
                .header("Upload-Length", "10").header("Upload-Metadata", TusRequests.filename("a.txt"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.status()).isEqualTo(412);
        assertThat(answer.code()).isEqualTo("tus_version_unsupported");
        assertThat(answer.header("Tus-Version")).contains("1.0.0");
        assertThat(answer.header("Tus-Resumable")).contains("1.0.0");
    }

    @Test
    void refusesAnotherTusVersion() {
        String upload = tus.created(PROJECT, member, 10, TusRequests.filename("a.txt"));

        TestLake.Response answer = lake.send(lake.request(upload, member).header("Tus-Resumable", "0.2.2")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.status()).isEqualTo(412);
        assertThat(answer.header("Tus-Version")).contains("1.0.0");
    }

    @Test
    void createsAnUploadWithAnAbsoluteLocationAndAnEmptyStagingFile() {
        TestLake.Response created = tus.create(PROJECT, member, 10, TusRequests.filename("a.txt"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location").orElseThrow()).matches(lake.baseUri() + TusRequests.collection(PROJECT) + "/[0-9a-f]{32}");
        assertThat(created.header("Tus-Resumable")).contains("1.0.0");
        String id = TusRequests.id(TusRequests.path(created));
        assertThat(lake.stagingDir().resolve(id)).isEmptyFile();
        TestLake.Response head = tus.head(TusRequests.path(created), member);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Upload-Offset")).contains("0");
        assertThat(head.header("Upload-Length")).contains("10");
        assertThat(head.header("Cache-Control")).contains("no-store");
        assertThat(head.header("Upload-Metadata")).contains(TusRequests.filename("a.txt"));
    }

    @Test
    void refusesAPatchAtAnotherOffset() {
        String upload = tus.created(PROJECT, member, 10, TusRequests.filename("a.txt"));

        TestLake.Response answer = tus.patch(upload, member, 3, new byte[] {1, 2});

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("upload_offset_mismatch");
        assertThat(tus.offset(upload, member)).isZero();
    }

    @Test
    void refusesAPatchOfAnotherContentType() {
        String upload = tus.created(PROJECT, member, 10, TusRequests.filename("a.txt"));

        TestLake.Response answer = tus.patch(upload, member, 0, new byte[] {1, 2}, "application/octet-stream");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.code()).isEqualTo("unsupported_media_type");
    }

    @Test
    void refusesAnUploadOverTheObjectLimit() {
        TestLake.Response answer = tus.create(PROJECT, member, MAX_OBJECT + 1, TusRequests.filename("big.bin"));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("object_too_large");
    }

    @Test
    void refusesAChunkOverTheChunkLimit() {
        String upload = tus.created(PROJECT, member, MAX_CHUNK * 2, TusRequests.filename("chunks.bin"));

        TestLake.Response answer = tus.patch(upload, member, 0, new byte[(int) MAX_CHUNK + 1]);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("chunk_too_large");
        assertThat(tus.offset(upload, member)).isZero();
    }

    @Test
    void refusesMalformedUploadMetadata() {
        for (String malformed : List.of("filename not-base64!", "filename YS50eHQ= extra", "filename YS50eHQ=,filename Yi50eHQ=", ",")) {
            TestLake.Response answer = tus.create(PROJECT, member, 10, malformed);

            assertThat(answer.status()).as("answer to %s", malformed).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("invalid_request");
        }
    }

    @Test
    void refusesAnUploadWithoutLength() {
        TestLake.Response answer = lake.send(lake.request(TusRequests.collection(PROJECT), member)
                .header("Tus-Resumable", "1.0.0").header("Upload-Metadata", TusRequests.filename("a.txt"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_request");
    }

    @Test
    void refusesAnUnknownTemplateBeforeAnyByteAndLeavesNothingBehind() throws Exception {
        int uploadsBefore = lake.uploads().list(PROJECT, 1000, null).items().size();
        List<String> stagingBefore = stagingFiles();

        TestLake.Response answer = tus.create(PROJECT, member, 10, TusRequests.metadata(TusRequests.pairs("filename", "a.txt", "template", "nope")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("unknown_template");
        assertThat(lake.uploads().list(PROJECT, 1000, null).items()).hasSize(uploadsBefore);
        assertThat(stagingFiles()).containsExactlyInAnyOrderElementsOf(stagingBefore);
    }

    @Test
    void refusesInvalidMetadataBeforeAnyByte() {
        String metadata = TusRequests.metadata(TusRequests.pairs("filename", "a.csv", "template", "sensors",
                "metadata", "{\"depth\": \"deep\"}"));

        TestLake.Response answer = tus.create(PROJECT, member, 10, metadata);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_metadata");
    }

    @Test
    void refusesMetadataThatIsNotAJsonObject() {
        String metadata = TusRequests.metadata(TusRequests.pairs("filename", "a.csv", "template", "sensors", "metadata", "[1, 2]"));

        TestLake.Response answer = tus.create(PROJECT, member, 10, metadata);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_metadata");
    }

    @Test
    void refusesAnUploadWithoutFileName() {
        TestLake.Response answer = tus.create(PROJECT, member, 10, TusRequests.metadata(TusRequests.pairs("filetype", "text/plain")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_name");
    }

    @Test
    void refusesBytesBeyondTheUploadLength() {
        String upload = tus.created(PROJECT, member, 10, TusRequests.filename("a.txt"));

        TestLake.Response answer = tus.patch(upload, member, 0, new byte[11]);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_request");
        assertThat(tus.offset(upload, member)).isZero();
    }

    @Test
    void hidesUploadsOfAnotherProject() {
        String upload = tus.created(PROJECT, member, 10, TusRequests.filename("a.txt"));
        String foreignPath = TusRequests.collection(OTHER_PROJECT) + "/" + TusRequests.id(upload);
        String otherMember = lake.tokenFor(OTHER_PROJECT, ProjectRole.MEMBER);

        assertThat(tus.head(foreignPath, otherMember).status()).isEqualTo(404);
        TestLake.Response patch = tus.patch(foreignPath, otherMember, 0, new byte[] {1});
        assertThat(patch.status()).isEqualTo(404);
        assertThat(patch.code()).isEqualTo("upload_not_found");
        assertThat(tus.delete(foreignPath, otherMember).status()).isEqualTo(404);
        assertThat(lake.get(foreignPath, otherMember).status()).isEqualTo(404);
        assertThat(tus.offset(upload, member)).isZero();
    }

    @Test
    void answersNotFoundForUnknownAndMalformedIds() {
        for (String id : List.of("0123456789abcdef0123456789abcdef", "..%2F..%2Fetc", "not-an-id")) {
            TestLake.Response patch = tus.patch(TusRequests.collection(PROJECT) + "/" + id, member, 0, new byte[] {1});

            assertThat(patch.status()).as("PATCH of %s", id).isEqualTo(404);
            assertThat(patch.code()).isEqualTo("upload_not_found");
        }
    }

    @Test
    void aReaderCannotCreateOrSendBytes() {
        String reader = lake.tokenFor(PROJECT, ProjectRole.READER);
        String upload = tus.created(PROJECT, member, 10, TusRequests.filename("a.txt"));

        TestLake.Response create = tus.create(PROJECT, reader, 10, TusRequests.filename("a.txt"));
        TestLake.Response patch = tus.patch(upload, reader, 0, new byte[] {1});

        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("forbidden");
        assertThat(patch.status()).isEqualTo(403);
        assertThat(lake.get(TusRequests.collection(PROJECT), reader).status()).isEqualTo(200);
    }

    @Test
    void anAnonymousClientIsAskedToAuthenticate() {
        TestLake.Response answer = tus.create(PROJECT, null, 10, TusRequests.filename("a.txt"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.code()).isEqualTo("not_authenticated");
        assertThat(answer.header("Tus-Resumable")).contains("1.0.0");
    }

    @Test
    void cancelsAnUploadAndDeletesItsBytes() {
        String upload = tus.created(PROJECT, member, 10, TusRequests.filename("a.txt"));
        tus.patch(upload, member, 0, new byte[] {1, 2, 3});

        TestLake.Response cancelled = tus.delete(upload, member);

        assertThat(cancelled.status()).isEqualTo(204);
        assertThat(lake.stagingDir().resolve(TusRequests.id(upload))).doesNotExist();
        TestLake.Response after = tus.patch(upload, member, 3, new byte[] {4});
        assertThat(after.status()).isEqualTo(410);
        assertThat(after.code()).isEqualTo("upload_not_receiving");
        assertThat(tus.head(upload, member).status()).isEqualTo(410);
        assertThat(lake.get(upload, member).json().path("failure_reason").asText()).isEqualTo("cancelled by the client");
        assertThat(tus.delete(upload, member).status()).as("cancelling twice").isEqualTo(204);
    }

    @Test
    void storesAnEmptyUploadAtCreation() {
        TestLake.Response created = tus.create(PROJECT, member, 0, TusRequests.filename("empty.txt"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Object-Id")).isPresent();
        StoredUploads.assertStored(lake, PROJECT, TusRequests.id(TusRequests.path(created)), new byte[0]);
        TestLake.Response patch = tus.patch(TusRequests.path(created), member, 0, new byte[] {1});
        assertThat(patch.status()).isEqualTo(410);
        TestLake.Response delete = tus.delete(TusRequests.path(created), member);
        assertThat(delete.status()).as("cancelling a stored upload").isEqualTo(410);
        assertThat(delete.code()).isEqualTo("upload_not_receiving");
    }

    @Test
    void acceptsThePatchOverrideOfClientsThatCannotSendPatch() {
        String upload = tus.created(PROJECT, member, 3, TusRequests.filename("override.bin"));

        TestLake.Response answer = lake.send(lake.request(upload, member)
                .header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .header("Content-Type", TusRequests.OFFSET_OCTETS).header("X-HTTP-Method-Override", "PATCH")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {7, 8, 9})));

        assertThat(answer.status()).isEqualTo(204);
        StoredUploads.assertStored(lake, PROJECT, TusRequests.id(upload), new byte[] {7, 8, 9});
    }

    private static List<String> stagingFiles() throws Exception {
        try (Stream<Path> files = Files.list(lake.stagingDir())) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
