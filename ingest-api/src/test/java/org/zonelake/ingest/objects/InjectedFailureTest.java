package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.ingest.Gateway;
import org.zonelake.ingest.GatewayConfig;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;
import org.zonelake.ingest.service.ContentTypeDetector;
import org.zonelake.ingest.service.IngestService;

/** Failures in the middle of an upload: the client, the raw zone or the metadata zone gives up, and nothing stays behind. */
class InjectedFailureTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static TestLake lake;
    private static ObjectsApi api;
    private static FailingObjectStore store;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false).objectStore(real -> store = new FailingObjectStore(real)));
        api = new ObjectsApi(lake);
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void clientThatGoesAwayMidBodyLeavesNothingAndAFailedUpload() throws IOException {
        lake.createProject("disconnect");
        byte[] body = Multipart.create().file("half.bin", ObjectUploadTest.randomBytes(512 * 1024, 7)).bytes();
        try (Socket socket = new Socket("127.0.0.1", lake.baseUri().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ObjectsApi.objects("disconnect") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + lake.adminToken()
                    + "\r\nContent-Type: " + Multipart.contentType() + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(Arrays.copyOf(body, body.length / 2));
            out.flush();
            TestLake.await(DEADLINE, () -> upload("disconnect").isPresent(), "the upload to start");
        }

        TestLake.await(DEADLINE, () -> upload("disconnect").map(u -> u.state() == UploadState.FAILED).orElse(false), "the upload to fail");
        api.assertNothingLeft("disconnect");
        assertThat(upload("disconnect").orElseThrow().bytesReceived()).isPositive();
    }

    @Test
    void bodyAnnouncedLargerThanAnyObjectIsRefusedBeforeItIsRead() throws IOException {
        lake.createProject("announced");
        try (Socket socket = new Socket("127.0.0.1", lake.baseUri().getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST " + ObjectsApi.objects("announced") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: "
                    + lake.adminToken() + "\r\nContent-Type: " + Multipart.contentType() + "\r\nContent-Length: " + (1L << 40)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // The server hands a request with a body to the application once the first bytes of the body arrive.
            socket.getOutputStream().write(Arrays.copyOf(Multipart.create().file("huge.bin", new byte[1024]).bytes(), 1024));
            socket.getOutputStream().flush();

            String statusLine = firstLine(socket.getInputStream());

            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
        api.assertNothingLeft("announced");
    }

    @Test
    void fullRawZoneMidWriteAnswersStorageFullAndLeavesNothing() {
        lake.createProject("full");
        store.fullAfter(100_000);
        try {
            Response answer = api.upload("full", lake.adminToken(), "big.bin", ObjectUploadTest.randomBytes(300_000, 8));

            assertThat(answer.status()).isEqualTo(507);
            assertThat(answer.code()).isEqualTo("storage_full");
        } finally {
            store.fullAfter(-1);
        }
        api.assertNothingLeft("full");
        assertThat(upload("full").orElseThrow().state()).isEqualTo(UploadState.FAILED);
        assertThat(ObjectsApi.files(lake.dataDir().resolve("raw"))).allSatisfy(path -> assertThat(path.toString()).doesNotContain("full"));
    }

    @Test
    void failureToMarkTheObjectStoredLeavesNothingInTheRawZone() {
        lake.createProject("unmarked");
        GatewayServices real = lake.services();
        FailingObjectRepository objects = new FailingObjectRepository(real.objects());
        IngestService ingest = new IngestService(real.objectStore(), objects, real.templates(), event -> { }, real.metadataDurability(),
                new ContentTypeDetector(), real.limits(), real.clock());
        GatewayServices failing = new GatewayServices(real.identity(), real.audit(), real.objectStore(), objects, real.templates(),
                real.uploads(), ingest, real.metadataDurability(), real.uploadStaging(), real.limits(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), real.healthChecks(), real.clock(), real.process());
        Gateway gateway = new Gateway(GatewayConfig.loopbackEphemeral(), failing);
        gateway.start();
        try {
            Response answer = lake.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + gateway.port()
                            + ObjectsApi.objects("unmarked")))
                    .header("X-Auth-Token", lake.adminToken()).header("Content-Type", Multipart.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.create().file("a.bin", new byte[5000]).bytes())));

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.code()).isEqualTo("metadata_failure");
        } finally {
            gateway.stop();
        }
        api.assertNothingLeft("unmarked");
    }

    private static Optional<UploadRecord> upload(String project) {
        List<UploadRecord> items = lake.uploads().list(project, 10, null).items();
        return items.stream().findFirst();
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
