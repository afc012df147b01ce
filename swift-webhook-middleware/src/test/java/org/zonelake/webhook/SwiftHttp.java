package org.zonelake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.zonelake.core.testing.ItEnvironment;

/** Plain Swift REST calls through the tempauth proxy of {@code services/swift.sh}, as {@code swift upload} makes them. */
final class SwiftHttp {
    static final String HOW = "run services/swift.sh start and eval \"$(services/swift.sh env)\"";
    static final int SEGMENT_BYTES = 1024 * 1024;
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();

    private final String storageUrl;
    private final String token;

    private SwiftHttp(String storageUrl, String token) {
        this.storageUrl = storageUrl;
        this.token = token;
    }

    /** Logs in with the tempauth credentials the environment names (skips the test without them). */
    static SwiftHttp login() throws IOException {
        String authUrl = ItEnvironment.require("ZONELAKE_IT_SWIFT_TEMPAUTH_URL", HOW);
        Request request = new Request.Builder().url(authUrl)
                .header("X-Auth-User", ItEnvironment.require("ZONELAKE_IT_SWIFT_TEMPAUTH_USER", HOW))
                .header("X-Auth-Key", ItEnvironment.require("ZONELAKE_IT_SWIFT_TEMPAUTH_KEY", HOW)).build();
        try (Response response = HTTP.newCall(request).execute()) {
            assertThat(response.code()).as("tempauth login").isEqualTo(200);
            return new SwiftHttp(response.header("X-Storage-Url"), response.header("X-Auth-Token"));
        }
    }

    /** A request that must succeed; {@code path} is {@code /container[/object][?query]}. */
    void send(String method, String path, String content, String contentType) throws IOException {
        assertThat(call(method, path, content, contentType)).as("%s %s", method, path).isBetween(200, 299);
    }

    /** The status of a request whose outcome does not matter (clean-up). */
    int call(String method, String path, String content, String contentType) throws IOException {
        RequestBody body = content == null ? null : RequestBody.create(content.getBytes(StandardCharsets.UTF_8), MediaType.get(contentType));
        if (body == null && (method.equals("PUT") || method.equals("POST"))) {
            body = RequestBody.create(new byte[0]);
        }
        Request request = new Request.Builder().url(storageUrl + path).header("X-Auth-Token", token).method(method, body).build();
        try (Response response = HTTP.newCall(request).execute()) {
            return response.code();
        }
    }

    /** PUTs {@code count} segments as {@code swift upload --use-slo} does; returns the SLO manifest that joins them. */
    String uploadSegments(String segmentsContainer, String name, int count) throws IOException {
        StringBuilder manifest = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            String segment = segment(i);
            send("PUT", "/" + segmentsContainer + "/" + name + "/" + i, segment, "application/octet-stream");
            manifest.append(i == 0 ? "" : ",").append("{\"path\": \"/").append(segmentsContainer).append('/').append(name).append('/')
                    .append(i).append("\", \"etag\": \"").append(md5(segment)).append("\", \"size_bytes\": ").append(segment.length()).append('}');
        }
        return manifest.append(']').toString();
    }

    /** Segment {@code index} of a test object: {@link #SEGMENT_BYTES} times one letter. */
    static String segment(int index) {
        return String.valueOf((char) ('a' + index)).repeat(SEGMENT_BYTES);
    }

    static String md5(String content) {
        return hex("MD5", content);
    }

    static String sha256(String content) {
        return hex("SHA-256", content);
    }

    private static String hex(String algorithm, String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
