package org.zonelake.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The few calls of the lake's REST API the process benchmark makes, over plain {@link HttpURLConnection}s (keep-alive
 * pooled by the JDK): log in, create a project, upload an object streamed from bytes or a file, and read JSON or text.
 */
final class LakeClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String project;
    private String token;

    LakeClient(String base, String project) {
        this.base = requireNonNull(base, "base is null");
        this.project = requireNonNull(project, "project is null");
    }

    /** An answer of the lake: its status and body. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the answer as JSON: " + body, e);
            }
        }
    }

    void logIn(String user, String password) {
        Answer answer = send("POST", "/api/v1/auth/tokens", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        require(answer.status() == 201, "log-in answered " + answer);
        token = answer.json().get("token").asText();
    }

    void createProject() {
        Answer answer = send("POST", "/api/v1/projects", "{\"name\":\"" + project + "\"}");
        require(answer.status() / 100 == 2, "creating project " + project + " answered " + answer);
    }

    /** Uploads {@code content} as one object and answers its id. */
    long upload(String name, String contentType, byte[] content) {
        return upload(name, contentType, content.length, () -> new java.io.ByteArrayInputStream(content));
    }

    /** Uploads a file as one object, streamed, and answers its id. */
    long upload(String name, String contentType, Path file) {
        try {
            return upload(name, contentType, Files.size(file), () -> Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** GET of a path under the project, e.g. {@code tables/t_1}; the query is appended as given. */
    Answer get(String projectPath) {
        return send("GET", "/api/v1/projects/" + project + "/" + projectPath, null);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private interface Content {
        InputStream open() throws IOException;
    }

    private long upload(String name, String contentType, long size, Content content) {
        String boundary = "zonelake-bench-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = open("POST", "/api/v1/projects/" + project + "/objects");
        try {
            connection.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + boundary);
            connection.setFixedLengthStreamingMode(head.length + size + tail.length);
            try (OutputStream body = connection.getOutputStream(); InputStream in = content.open()) {
                body.write(head);
                in.transferTo(body);
                body.write(tail);
            }
            Answer answer = read(connection);
            require(answer.status() == 201, "upload of " + name + " answered " + answer);
            return answer.json().get("id").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot upload " + name, e);
        } finally {
            connection.disconnect();
        }
    }

    private Answer send(String method, String path, String json) {
        HttpURLConnection connection = open(method, path);
        try {
            if (json != null) {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            return read(connection);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot " + method + " " + path, e);
        }
    }

    private HttpURLConnection open(String method, String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setDoOutput(!"GET".equals(method));
            if (token != null) {
                connection.setRequestProperty("X-Auth-Token", token);
            }
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + method + " " + path, e);
        }
    }

    /** Reads the whole answer, so that the connection goes back to the keep-alive pool. */
    private static Answer read(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        try (InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Answer(status, answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
