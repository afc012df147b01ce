package org.zonelake.raw.swift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.StoredBlob;
import org.zonelake.core.testing.MutableClock;

/** What a real Swift does not easily do on request: refuse a token, run out of space, drop a connection mid-PUT. */
class SwiftObjectStoreTest {
    private static final int SEGMENT_BYTES = 16;
    private static final ObjectKey KEY = new ObjectKey("project", "object-1");
    private static final String SHA256_HEADER = "X-Object-Meta-Zonelake-Sha256";

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private CountingAuth auth;

    @BeforeEach
    void startServer() throws IOException {
        server.start();
        auth = new CountingAuth(server.url("/v1/AUTH_test"), clock);
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    @Test
    void signsInAgainOnceWhenSwiftRefusesTheTokenAndRepeatsTheRequest() throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(401));
        server.enqueue(lakeObject(10));

        assertThat(store(http()).stat(KEY)).hasValueSatisfying(blob -> assertThat(blob.size()).isEqualTo(10));

        assertThat(server.takeRequest().getHeader("X-Auth-Token")).isEqualTo("token-1");
        assertThat(server.takeRequest().getHeader("X-Auth-Token")).isEqualTo("token-2");
        assertThat(auth.count()).isEqualTo(2);
    }

    @Test
    void givesUpWhenTheFreshTokenIsRefusedToo() {
        server.enqueue(new MockResponse().setResponseCode(401));
        server.enqueue(new MockResponse().setResponseCode(401));

        assertThatThrownBy(() -> store(http()).stat(KEY))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE));
        assertThat(auth.count()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void signsInAgainBeforeTheTokenExpires() throws InterruptedException {
        SwiftObjectStore store = store(http());
        server.enqueue(new MockResponse().setResponseCode(404));
        server.enqueue(new MockResponse().setResponseCode(404));
        server.enqueue(new MockResponse().setResponseCode(404));

        store.stat(KEY);
        clock.advance(CountingAuth.LIFETIME.minusMinutes(1));
        store.stat(KEY);
        clock.advance(Duration.ofMinutes(2));
        store.stat(KEY);

        assertThat(List.of(token(), token(), token())).containsExactly("token-1", "token-1", "token-2");
    }

    @Test
    void repeatsASegmentPutRefusedBeforeItsBodyWasReadWithAFreshToken() throws InterruptedException {
        byte[] content = bytes(40);
        List<byte[]> segments = List.of(slice(content, 0, 16), slice(content, 16, 32), slice(content, 32, 40));
        server.enqueue(created());
        server.enqueue(created());
        server.enqueue(new MockResponse().setResponseCode(401).setSocketPolicy(SocketPolicy.DO_NOT_READ_REQUEST_BODY));
        segments.forEach(segment -> server.enqueue(createdSegment(segment)));
        server.enqueue(new MockResponse().setResponseCode(404));
        server.enqueue(created().setHeader("ETag", "\"" + manifestEtag(segments) + "\""));

        StoredBlob blob = store(http()).put(KEY, new ByteArrayInputStream(content));

        assertThat(blob.size()).isEqualTo(40);
        assertThat(blob.sha256()).isEqualTo(sha256(content));
        List<RecordedRequest> requests = requests();
        assertThat(requests.get(2).getHeader("X-Auth-Token")).isEqualTo("token-1");
        assertThat(requests.get(2).getHeader("Expect")).isEqualTo("100-continue");
        assertThat(requests.get(3).getHeader("X-Auth-Token")).isEqualTo("token-2");
        assertThat(requests.get(3).getBody().readByteArray()).isEqualTo(segments.get(0));
        assertThat(requests.get(7).getPath()).isEqualTo("/v1/AUTH_test/zonelake_project/object-1?multipart-manifest=put");
        assertThat(requests.get(7).getHeader(SHA256_HEADER)).isEqualTo(sha256(content));
        assertThat(requests.get(7).getBody().readUtf8()).contains("\"/zonelake_project_segments/object-1/");
    }

    @Test
    void reportsInsufficientStorageAsStorageFullAndDeletesTheSegmentsWritten() throws InterruptedException {
        byte[] content = bytes(40);
        server.enqueue(created());
        server.enqueue(created());
        server.enqueue(createdSegment(slice(content, 0, 16)));
        server.enqueue(new MockResponse().setResponseCode(507).setSocketPolicy(SocketPolicy.DO_NOT_READ_REQUEST_BODY));
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(new MockResponse().setResponseCode(404));

        assertThatThrownBy(() -> store(http()).put(KEY, new ByteArrayInputStream(content)))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FULL));

        List<RecordedRequest> requests = requests();
        assertThat(requests).hasSize(6);
        assertThat(requests.subList(4, 6)).allSatisfy(request -> assertThat(request.getMethod()).isEqualTo("DELETE"))
                .extracting(RecordedRequest::getPath)
                .containsExactly(requests.get(2).getPath(), requests.get(3).getPath());
    }

    @Test
    void reportsAnExceededQuotaAsStorageFull() {
        server.enqueue(created());
        server.enqueue(new MockResponse().setResponseCode(404));
        server.enqueue(new MockResponse().setResponseCode(413).setBody("Upload exceeds quota."));

        assertThatThrownBy(() -> store(http()).put(KEY, new ByteArrayInputStream(bytes(10))))
                .isInstanceOfSatisfying(LakeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FULL);
                    assertThat(e.getMessage()).contains("object-1", "413", "Upload exceeds quota");
                });
    }

    @Test
    void aConnectionDroppedMidPutLeavesNoObject() throws InterruptedException {
        byte[] content = bytes(40);
        // Without Expect: 100-continue the body goes out at once, so that the server can drop the connection in its middle.
        OkHttpClient http = http().newBuilder()
                .addNetworkInterceptor(chain -> chain.proceed(chain.request().newBuilder().removeHeader("Expect").build())).build();
        server.enqueue(created());
        server.enqueue(created());
        server.enqueue(createdSegment(slice(content, 0, 16)));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_DURING_REQUEST_BODY));
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(new MockResponse().setResponseCode(404));

        assertThatThrownBy(() -> store(http).put(KEY, new ByteArrayInputStream(content)))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE));

        List<RecordedRequest> requests = requests();
        String firstSegment = requests.get(2).getPath();
        assertThat(requests).extracting(RecordedRequest::getMethod).doesNotContain("HEAD").endsWith("DELETE", "DELETE");
        assertThat(requests).extracting(RecordedRequest::getPath)
                .noneMatch(path -> path.startsWith("/v1/AUTH_test/zonelake_project/object-1"))
                .contains(firstSegment, firstSegment.replace("000000", "000001"));
    }

    @Test
    void reportsAServerErrorAsStorageFailure() {
        server.enqueue(new MockResponse().setResponseCode(503).setBody("<html><h1>Service Unavailable</h1></html>"));

        assertThatThrownBy(() -> store(http()).open(KEY)).isInstanceOfSatisfying(LakeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
            assertThat(e.getMessage()).contains("project/object-1", "503", "Service Unavailable").doesNotContain("token-1");
        });
    }

    @Test
    void reportsAnUnreachableSwiftAsStorageFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        auth = new CountingAuth(HttpUrl.get("http://127.0.0.1:" + closedPort + "/v1/AUTH_test"), clock);

        assertThatThrownBy(() -> store(http()).open(KEY))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE));
    }

    @Test
    void refusesASegmentStoredWithAnotherEtagAndDeletesIt() throws InterruptedException {
        byte[] content = bytes(40);
        server.enqueue(created());
        server.enqueue(created());
        server.enqueue(createdSegment(slice(content, 0, 16)).setHeader("ETag", "0123456789abcdef0123456789abcdef"));
        server.enqueue(new MockResponse().setResponseCode(204));

        assertThatThrownBy(() -> store(http()).put(KEY, new ByteArrayInputStream(content)))
                .isInstanceOfSatisfying(LakeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
                    assertThat(e.getMessage()).contains("0123456789abcdef0123456789abcdef", SwiftInspector.md5(slice(content, 0, 16)));
                });
        List<RecordedRequest> requests = requests();
        assertThat(requests.get(3).getMethod()).isEqualTo("DELETE");
        assertThat(requests.get(3).getPath()).isEqualTo(requests.get(2).getPath());
    }

    private SwiftObjectStore store(OkHttpClient http) {
        return new SwiftObjectStore(auth, SwiftConfig.DEFAULT_CONTAINER_PREFIX, SEGMENT_BYTES, http, clock);
    }

    private static OkHttpClient http() {
        return SwiftObjectStore.httpClient(Duration.ofSeconds(5));
    }

    private String token() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS).getHeader("X-Auth-Token");
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            requests.add(server.takeRequest(5, TimeUnit.SECONDS));
        }
        return requests;
    }

    private static MockResponse lakeObject(int size) {
        return new MockResponse().setHeader("Content-Length", size).setHeader(SHA256_HEADER, "ab".repeat(32))
                .setHeader("X-Object-Meta-Zonelake-Writer", "zonelake").setHeader("Last-Modified", "Thu, 01 Jan 2026 00:00:00 GMT");
    }

    private static MockResponse created() {
        return new MockResponse().setResponseCode(201);
    }

    private static MockResponse createdSegment(byte[] segment) {
        return created().setHeader("ETag", SwiftInspector.md5(segment)).setSocketPolicy(SocketPolicy.EXPECT_CONTINUE);
    }

    private static String manifestEtag(List<byte[]> segments) {
        StringBuilder md5s = new StringBuilder();
        segments.forEach(segment -> md5s.append(SwiftInspector.md5(segment)));
        return SwiftInspector.md5(md5s.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(byte[] content) {
        return java.util.HexFormat.of().formatHex(UploadSource.digest("SHA-256").digest(content));
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        return bytes;
    }

    private static byte[] slice(byte[] content, int from, int to) {
        return Arrays.copyOfRange(content, from, to);
    }
}
