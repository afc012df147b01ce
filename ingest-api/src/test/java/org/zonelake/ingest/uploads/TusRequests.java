package org.zonelake.ingest.uploads;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.zonelake.ingest.TestLake;

/** Raw tus requests over the JDK HTTP client, for the tests that need control over every header. */
final class TusRequests {
    static final String VERSION = "1.0.0";
    static final String OFFSET_OCTETS = "application/offset+octet-stream";

    private final TestLake lake;

    TusRequests(TestLake lake) {
        this.lake = requireNonNull(lake, "lake is null");
    }

    static String collection(String project) {
        return "/api/v1/projects/" + project + "/uploads";
    }

    /** An {@code Upload-Metadata} header of the pairs, in their order. */
    static String metadata(Map<String, String> pairs) {
        return pairs.entrySet().stream()
                .map(pair -> pair.getKey() + " " + Base64.getEncoder().encodeToString(pair.getValue().getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining(","));
    }

    static String filename(String name) {
        return metadata(Map.of("filename", name));
    }

    static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            pairs.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return pairs;
    }

    TestLake.Response create(String project, String token, long length, String uploadMetadata) {
        HttpRequest.Builder request = lake.request(collection(project), token)
                .header("Tus-Resumable", VERSION)
                .header("Upload-Length", Long.toString(length));
        if (uploadMetadata != null) {
            request.header("Upload-Metadata", uploadMetadata);
        }
        return lake.send(request.POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Creates an upload and returns its path, failing the test unless the server answered 201. */
    String created(String project, String token, long length, String uploadMetadata) {
        TestLake.Response created = create(project, token, length, uploadMetadata);
        assertThat(created.status()).as("creation answer %s", created).isEqualTo(201);
        return path(created);
    }

    static String path(TestLake.Response created) {
        return URI.create(created.header("Location").orElseThrow()).getPath();
    }

    static String id(String uploadPath) {
        return uploadPath.substring(uploadPath.lastIndexOf('/') + 1);
    }

    TestLake.Response head(String path, String token) {
        return lake.send(lake.request(path, token).header("Tus-Resumable", VERSION).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    long offset(String path, String token) {
        TestLake.Response head = head(path, token);
        assertThat(head.status()).as("HEAD answer %s", head).isEqualTo(200);
        return Long.parseLong(head.header("Upload-Offset").orElseThrow());
    }

    TestLake.Response patch(String path, String token, long offset, byte[] body) {
        return patch(path, token, offset, body, OFFSET_OCTETS);
    }

    TestLake.Response patch(String path, String token, long offset, byte[] body, String contentType) {
        return lake.send(lake.request(path, token)
                .header("Tus-Resumable", VERSION)
                .header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    TestLake.Response delete(String path, String token) {
        return lake.send(lake.request(path, token).header("Tus-Resumable", VERSION).DELETE());
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
