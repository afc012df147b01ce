package org.zonelake.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.ingest.TestLake;

/** A PATCH cut off mid-body keeps the bytes that arrived, and the client resumes from there. */
class InterruptedUploadTest {
    private static final String PROJECT = "interrupted";

    private static TestLake lake;
    private static TusRequests tus;
    private static String token;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        tus = new TusRequests(lake);
        lake.createProject(PROJECT);
        token = lake.tokenFor(PROJECT, ProjectRole.MEMBER);
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void keepsTheBytesOfABrokenPatchAndResumesFromTheOffsetHeadTells() throws IOException {
        byte[] content = TusRequests.randomBytes(3_000_000, 3);
        String upload = tus.created(PROJECT, token, content.length, TusRequests.filename("sensor-dump.bin"));
        int firstPart = 1_000_000;
        assertThat(tus.patch(upload, token, 0, Arrays.copyOf(content, firstPart)).header("Upload-Offset")).contains(Long.toString(firstPart));

        int announced = 1_500_000;
        int sent = announced / 2;
        sendAndHangUp(upload, firstPart, Arrays.copyOfRange(content, firstPart, firstPart + announced), sent);

        TestLake.await(Duration.ofSeconds(20), () -> tus.offset(upload, token) > firstPart, "the bytes of the broken PATCH to be kept");
        long resumeAt = tus.offset(upload, token);
        assertThat(resumeAt).isLessThanOrEqualTo(firstPart + sent);

        TestLake.Response last = tus.patch(upload, token, resumeAt, Arrays.copyOfRange(content, (int) resumeAt, content.length));
        assertThat(last.status()).as("last PATCH %s", last).isEqualTo(204);
        assertThat(last.header("Upload-Offset")).contains(Long.toString(content.length));
        assertThat(last.header("X-Object-Id")).isPresent();
        StoredUploads.assertStored(lake, PROJECT, TusRequests.id(upload), content);
        TestLake.Response head = tus.head(upload, token);
        assertThat(head.status()).as("HEAD of a stored upload").isEqualTo(200);
        assertThat(head.header("Upload-Offset")).contains(Long.toString(content.length));
        assertThat(head.header("X-Object-Id")).isEqualTo(last.header("X-Object-Id"));
    }

    @Test
    void dropsBytesWrittenAfterTheAcknowledgedOffsetBeforeAppending() throws IOException {
        byte[] content = TusRequests.randomBytes(6_000, 8);
        String upload = tus.created(PROJECT, token, content.length, TusRequests.filename("crash-between-write-and-ack.bin"));
        tus.patch(upload, token, 0, Arrays.copyOf(content, 2_000));
        // A crash after the write but before the offset moved leaves unacknowledged bytes in the staging file.
        Files.write(lake.stagingDir().resolve(TusRequests.id(upload)), new byte[777], StandardOpenOption.APPEND);

        TestLake.Response rest = tus.patch(upload, token, 2_000, Arrays.copyOfRange(content, 2_000, content.length));

        assertThat(rest.status()).isEqualTo(204);
        StoredUploads.assertStored(lake, PROJECT, TusRequests.id(upload), content);
    }

    @Test
    void failsAnUploadWhoseReceivedBytesWereLost() throws IOException {
        String upload = tus.created(PROJECT, token, 100, TusRequests.filename("lost.bin"));
        tus.patch(upload, token, 0, new byte[50]);
        Files.delete(lake.stagingDir().resolve(TusRequests.id(upload)));

        TestLake.Response answer = tus.patch(upload, token, 50, new byte[50]);

        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.code()).isEqualTo("upload_not_receiving");
        assertThat(lake.uploads().find(PROJECT, TusRequests.id(upload)).orElseThrow().state()).isEqualTo(UploadState.FAILED);
    }

    @Test
    void ofTwoConcurrentPatchesAtTheSameOffsetExactlyOneIsApplied() {
        byte[] content = TusRequests.randomBytes(4_000_000, 9);
        String upload = tus.created(PROJECT, token, content.length, TusRequests.filename("raced.bin"));

        List<CompletableFuture<TestLake.Response>> racing = List.of(
                CompletableFuture.supplyAsync(() -> tus.patch(upload, token, 0, content)),
                CompletableFuture.supplyAsync(() -> tus.patch(upload, token, 0, content)));
        List<Integer> statuses = racing.stream().map(CompletableFuture::join).map(TestLake.Response::status).sorted().toList();

        assertThat(statuses.get(0)).isEqualTo(204);
        assertThat(statuses.get(1)).isIn(409, 410);
        StoredUploads.assertStored(lake, PROJECT, TusRequests.id(upload), content);
    }

    @Test
    void refusesAChunkedBodyThatRunsPastTheUploadLength() {
        String upload = tus.created(PROJECT, token, 1_000, TusRequests.filename("chunked.bin"));

        TestLake.Response answer = lake.send(lake.request(upload, token)
                .header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0").header("Content-Type", TusRequests.OFFSET_OCTETS)
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1_001]))));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_request");
        assertThat(tus.offset(upload, token)).isZero();
        TestLake.Response exact = lake.send(lake.request(upload, token)
                .header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0").header("Content-Type", TusRequests.OFFSET_OCTETS)
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1_000]))));
        assertThat(exact.status()).isEqualTo(204);
        StoredUploads.assertStored(lake, PROJECT, TusRequests.id(upload), new byte[1_000]);
    }

    @Test
    void aRetriedPatchOfBytesAlreadyReceivedIsRefusedWithTheCurrentOffset() {
        byte[] content = TusRequests.randomBytes(10_000, 4);
        String upload = tus.created(PROJECT, token, content.length, TusRequests.filename("twice.bin"));
        tus.patch(upload, token, 0, Arrays.copyOf(content, 4_000));

        TestLake.Response stale = tus.patch(upload, token, 0, Arrays.copyOf(content, 4_000));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("upload_offset_mismatch");
        assertThat(stale.json().path("upload_offset").asLong()).isEqualTo(4_000);
        assertThat(tus.offset(upload, token)).isEqualTo(4_000);
    }

    /** Sends the headers of a PATCH announcing all of {@code body}, then {@code sent} bytes of it, then closes. */
    private static void sendAndHangUp(String path, long offset, byte[] body, int sent) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", lake.baseUri().getPort())) {
            OutputStream out = socket.getOutputStream();
            String head = "PATCH " + path + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + lake.baseUri().getPort() + "\r\n"
                    + "X-Auth-Token: " + token + "\r\n"
                    + "Tus-Resumable: 1.0.0\r\n"
                    + "Upload-Offset: " + offset + "\r\n"
                    + "Content-Type: application/offset+octet-stream\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, sent);
            out.flush();
        }
    }
}
