package org.zonelake.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/** A thin REST client for the end-to-end tests: JSON calls with a token, streamed multipart, cut-off requests. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LakeProcess lake;

    Api(LakeProcess lake) {
        this.lake = lake;
    }

    URI uri(String path) {
        return lake.uri(path);
    }

    record Reply(int status, JsonNode body, HttpResponse<byte[]> raw) {
        String text(String field) {
            return body.path(field).asText();
        }
    }

    Reply json(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(lake.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    HttpResponse<byte[]> get(String path, String token, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(lake.uri(path)).header("X-Auth-Token", token);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String login(String username, String password) throws IOException, InterruptedException {
        Reply reply = json("POST", "/api/v1/auth/tokens", null, java.util.Map.of("username", username, "password", password));
        if (reply.status() != 201) {
            throw new IllegalStateException("login of " + username + " answered " + reply.status() + " " + reply.body());
        }
        return reply.text("token");
    }

    /** A single-request upload, streamed from {@code content}. */
    Reply upload(String project, String token, String fileName, byte[] content, String metadataJson) throws IOException, InterruptedException {
        String boundary = "e2e-" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        if (metadataJson != null) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"metadata\"\r\n")
                    .append("Content-Type: application/json\r\n\r\n").append(metadataJson).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(headBytes), new ByteArrayInputStream(content), new ByteArrayInputStream(tail))));
        HttpRequest request = HttpRequest.newBuilder(lake.uri("/api/v1/projects/" + project + "/objects"))
                .header("X-Auth-Token", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        headBytes.length + content.length + tail.length))
                .build();
        return reply(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    /**
     * Sends a request whose body is announced as {@code announcedLength} bytes but stops after {@code body}, keeping the
     * socket open until {@link Socket#close()}: a client whose network dropped.
     */
    Socket sendPartial(String method, String path, String token, String contentType, long announcedLength, byte[] body,
                       String... headers) throws IOException {
        Socket socket = new Socket("127.0.0.1", lake.port);
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(lake.port).append("\r\n")
                .append("X-Auth-Token: ").append(token).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(announcedLength).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    HttpResponse<Void> tus(String method, URI uri, String token, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("X-Auth-Token", token)
                .header("Tus-Resumable", "1.0.0");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static Reply reply(HttpResponse<byte[]> response) throws IOException {
        byte[] bytes = response.body();
        JsonNode body = bytes.length == 0 ? JSON.nullNode() : parseOrText(bytes);
        return new Reply(response.statusCode(), body, response);
    }

    private static JsonNode parseOrText(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
