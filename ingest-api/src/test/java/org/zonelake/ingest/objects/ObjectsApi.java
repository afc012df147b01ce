package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

/** Calls of the object endpoints and checks of what a project holds, shared by the object tests. */
final class ObjectsApi {
    private final TestLake lake;

    ObjectsApi(TestLake lake) {
        this.lake = lake;
    }

    static String objects(String project) {
        return "/api/v1/projects/" + project + "/objects";
    }

    Response upload(String project, String token, Multipart body) {
        return lake.send(lake.request(objects(project), token)
                .header("Content-Type", Multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
    }

    Response upload(String project, String token, String fileName, byte[] bytes) {
        return upload(project, token, Multipart.create().file(fileName, bytes));
    }

    /** Uploads and returns the new object's id, failing the test unless it answers 201. */
    long store(String project, String token, String fileName, byte[] bytes) {
        Response answer = upload(project, token, fileName, bytes);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    long store(String project, String token, Multipart body) {
        Response answer = upload(project, token, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    Response document(String project, String token, long id) {
        return lake.get(objects(project) + "/" + id, token);
    }

    Response content(String project, String token, long id, String... headers) {
        HttpRequest.Builder request = lake.request(objects(project) + "/" + id + "/content", token).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return lake.send(request);
    }

    List<Long> catalogIds(String project, String token, String query) {
        Response answer = lake.get(objects(project) + (query.isEmpty() ? "" : "?" + query), token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return ids(answer.json().path("items"));
    }

    static List<Long> ids(JsonNode items) {
        List<Long> ids = new java.util.ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    /** Asserts that the project holds nothing: no visible object, no document in any status, no file in the raw zone. */
    void assertNothingLeft(String project) {
        assertThat(catalogIds(project, lake.adminToken(), "")).as("visible objects of " + project).isEmpty();
        long documents = lake.metadataStore().database().getCollection("objects").countDocuments(Filters.eq("project", project));
        assertThat(documents).as("documents of " + project + " in any status").isZero();
        assertThat(rawFiles(project)).as("files in the raw zone of " + project).isEmpty();
    }

    /** Regular files under the project's directory of the raw zone. */
    List<Path> rawFiles(String project) {
        return files(lake.dataDir().resolve("raw").resolve(project));
    }

    static List<Path> files(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
