package org.zonelake.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged lake, run as a process the way {@code ./zonelake up} runs it, driven over its REST API only. */
class AllInOneLakeIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String ADMIN_PASSWORD = "e2e-admin-password";
    private static final long POLL_INTERVAL_MILLIS = 50;

    @TempDir
    Path dir;

    @Test
    void newcomerStoresFilesBothWaysAndGetsThemBackByteForByte() throws Exception {
        try (LakeProcess lake = LakeProcess.start(dir.resolve("data"), Map.of("ZONELAKE_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            lake.awaitHealthy(START_TIMEOUT);
            Api api = new Api(lake);
            String admin = api.login("admin", ADMIN_PASSWORD);
            assertThat(api.json("POST", "/api/v1/projects", admin, Map.of("name", "field-data")).status()).isEqualTo(201);
            assertThat(api.json("POST", "/api/v1/projects", admin, Map.of("name", "other")).status()).isEqualTo(201);
            assertThat(api.json("POST", "/api/v1/admin/users", admin, Map.of("username", "alice", "password", "alice-password-1")).status()).isEqualTo(201);
            assertThat(api.json("POST", "/api/v1/admin/users/alice/assignments", admin, Map.of("project", "field-data", "role", "member")).status())
                    .isIn(201, 204);
            String alice = api.login("alice", "alice-password-1");
            assertThat(names(api.json("GET", "/api/v1/projects", alice, null).body())).containsExactly("field-data");

            byte[] csv = "time,depth,temperature\n2024-05-01T10:00:00Z,12.5,7.25\n2024-05-01T11:00:00Z,13.0,7.5\n".getBytes(StandardCharsets.UTF_8);
            Api.Reply single = api.upload("field-data", alice, "readings 2024.csv", csv, null);
            assertThat(single.status()).isEqualTo(201);
            long singleId = single.body().get("id").asLong();

            byte[] big = randomBytes(3 * 1024 * 1024 + 123);
            long resumableId = uploadResumablyWithAnInterruption(api, alice, "sensor-dump.bin", big);

            JsonNode catalog = api.json("GET", "/api/v1/projects/field-data/objects", alice, null).body();
            assertThat(catalog.get("items")).extracting(item -> item.get("original_object_name").asText())
                    .contains("readings 2024.csv", "sensor-dump.bin");
            assertThat(catalog.get("items")).extracting(item -> item.get("id").asLong()).contains(singleId, resumableId);

            assertThat(api.get("/api/v1/projects/field-data/objects/" + singleId + "/content", alice).body()).isEqualTo(csv);
            assertThat(api.get("/api/v1/projects/field-data/objects/" + resumableId + "/content", alice).body()).isEqualTo(big);
            HttpResponse<byte[]> range = api.get("/api/v1/projects/field-data/objects/" + resumableId + "/content", alice,
                    "Range", "bytes=1048570-1048589");
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(big, 1048570, 1048590));
            assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 1048570-1048589/" + big.length);

            JsonNode csvDocument = eventually(() -> {
                JsonNode d = api.json("GET", "/api/v1/projects/field-data/objects/" + singleId, alice, null).body();
                return d.get("successful_operations").size() > 0 ? d : null;
            });
            assertThat(csvDocument.get("successful_operations").get(0).get("name").asText()).isEqualTo("sql-tabular");
            JsonNode table = api.json("GET", "/api/v1/projects/field-data/tables", alice, null).body().get("items").get(0);
            assertThat(table.get("source_object_id").asLong()).isEqualTo(singleId);
            assertThat(table.get("row_count").asLong()).isEqualTo(2);
            JsonNode binaryDocument = eventually(() -> {
                JsonNode d = api.json("GET", "/api/v1/projects/field-data/objects/" + resumableId, alice, null).body();
                return d.get("failed_operations").size() > 0 ? d : null;
            });
            assertThat(binaryDocument.get("failed_operations").get(0).get("detail").asText()).startsWith("not_handled: no pipeline handles");
            JsonNode uploads = eventually(() -> {
                JsonNode u = api.json("GET", "/api/v1/projects/field-data/uploads", alice, null).body();
                return u.get("items").findValuesAsText("state").containsAll(List.of("processed", "not_handled")) ? u : null;
            });
            assertThat(uploads.get("items").findValuesAsText("object_id")).contains(Long.toString(singleId), Long.toString(resumableId));

            assertThat(api.json("GET", "/api/v1/projects/other/objects", alice, null).status()).isEqualTo(403);
        }
    }

    /** tus: create, send a first part, lose the connection part-way through the second, ask the offset, resume. */
    private static long uploadResumablyWithAnInterruption(Api api, String token, String name, byte[] content) throws Exception {
        URI collection = api.uri("/api/v1/projects/field-data/uploads");
        HttpResponse<Void> created = api.tus("POST", collection, token, null,
                "Upload-Length", Integer.toString(content.length),
                "Upload-Metadata", "filename " + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)));
        assertThat(created.statusCode()).isEqualTo(201);
        URI upload = collection.resolve(created.headers().firstValue("Location").orElseThrow());

        int first = 1024 * 1024;
        assertThat(api.tus("PATCH", upload, token, Arrays.copyOfRange(content, 0, first),
                "Content-Type", "application/offset+octet-stream", "Upload-Offset", "0").statusCode()).isEqualTo(204);

        int sentBeforeTheCut = 700 * 1024;
        try (Socket cut = api.sendPartial("PATCH", upload.getRawPath(), token, "application/offset+octet-stream",
                content.length - first, Arrays.copyOfRange(content, first, first + sentBeforeTheCut),
                "Tus-Resumable", "1.0.0", "Upload-Offset", Integer.toString(first))) {
            cut.shutdownOutput();
        }
        long offset = eventually(() -> {
            long o = Long.parseLong(api.tus("HEAD", upload, token, null).headers().firstValue("Upload-Offset").orElse("-1"));
            return o == first + sentBeforeTheCut ? o : null;
        });

        HttpResponse<Void> last = api.tus("PATCH", upload, token, Arrays.copyOfRange(content, (int) offset, content.length),
                "Content-Type", "application/offset+octet-stream", "Upload-Offset", Long.toString(offset));
        assertThat(last.statusCode()).isEqualTo(204);
        assertThat(last.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(content.length));
        return Long.parseLong(last.headers().firstValue("X-Object-Id").orElseThrow());
    }

    @Test
    void firstStartPrintsAGeneratedAdminPasswordOnlyOnce() throws Exception {
        Path data = dir.resolve("data");
        String password;
        try (LakeProcess lake = LakeProcess.start(data, Map.of())) {
            lake.awaitHealthy(START_TIMEOUT);
            Matcher printed = Pattern.compile("with the password:\\s+(\\S+)").matcher(lake.output());
            assertThat(printed.find()).as("generated password printed").isTrue();
            password = printed.group(1);
            assertThat(new Api(lake).login("admin", password)).isNotBlank();
        }
        assertThat(logFilesOf(data)).allSatisfy(log -> assertThat(Files.readString(log)).doesNotContain(password));
        try (LakeProcess lake = LakeProcess.start(data, Map.of())) {
            lake.awaitHealthy(START_TIMEOUT);
            assertThat(lake.output()).doesNotContain("with the password");
            assertThat(new Api(lake).login("admin", password)).isNotBlank();
        }
    }

    @Test
    void serverKilledMidUploadLeavesNeitherObjectNorMetadataAfterRestart() throws Exception {
        Path data = dir.resolve("data");
        int mongoPort = LakeProcess.freePort();
        Map<String, String> env = Map.of("ZONELAKE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "ZONELAKE_METADATA_EMBEDDED_PORT", Integer.toString(mongoPort));
        try (LakeProcess lake = LakeProcess.start(data, env)) {
            lake.awaitHealthy(START_TIMEOUT);
            Api api = new Api(lake);
            String admin = api.login("admin", ADMIN_PASSWORD);
            api.json("POST", "/api/v1/projects", admin, Map.of("name", "crash"));
            String boundary = "crash-boundary";
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"half.bin\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] half = concat(head, randomBytes(2 * 1024 * 1024));
            try (Socket upload = api.sendPartial("POST", "/api/v1/projects/crash/objects", admin,
                    "multipart/form-data; boundary=" + boundary, 8L * 1024 * 1024, half)) {
                try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
                    eventually(() -> mongo.getDatabase("zonelake").getCollection("objects")
                            .find(new Document("status", "pending")).first());
                }
                lake.kill();
            }
        }
        try (LakeProcess lake = LakeProcess.start(data, env)) {
            lake.awaitHealthy(START_TIMEOUT);
            Api api = new Api(lake);
            String admin = api.login("admin", ADMIN_PASSWORD);
            assertThat(api.json("GET", "/api/v1/projects/crash/objects", admin, null).body().get("items")).isEmpty();
            try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
                assertThat(mongo.getDatabase("zonelake").getCollection("objects").countDocuments()).isZero();
            }
            assertThat(filesUnder(data.resolve("raw"))).isEmpty();
            // The cut upload was never acknowledged: its tracking record is either gone (the crash came before the
            // metadata file's next commit) or marked failed, never left receiving.
            JsonNode uploads = api.json("GET", "/api/v1/projects/crash/uploads", admin, null).body();
            assertThat(uploads.get("items").findValuesAsText("state")).doesNotContain("receiving").allMatch("failed"::equals);
        }
    }

    @Test
    void serverKilledMidRunCompletesTheRunOnceAfterRestart() throws Exception {
        Path data = dir.resolve("data");
        // A short lease, so that the run the killed server held is taken over soon after the restart.
        Map<String, String> env = Map.of("ZONELAKE_ADMIN_PASSWORD", ADMIN_PASSWORD, "ZONELAKE_PIPELINE_LEASE", "3s");
        int rows = 400_000;
        String run;
        try (LakeProcess lake = LakeProcess.start(data, env)) {
            lake.awaitHealthy(START_TIMEOUT);
            Api api = new Api(lake);
            String admin = api.login("admin", ADMIN_PASSWORD);
            api.json("POST", "/api/v1/projects", admin, Map.of("name", "crash"));
            long id = api.upload("crash", admin, "big.csv", csvRows(rows), null).body().get("id").asLong();
            run = id + "-sql-tabular";
            eventually(Duration.ofSeconds(90), () -> {
                JsonNode r = api.json("GET", "/api/v1/projects/crash/runs/" + run, admin, null).body();
                return "running".equals(r.path("steps").path(0).path("state").asText()) ? r : null;
            });
            lake.kill();
        }
        try (LakeProcess lake = LakeProcess.start(data, env)) {
            lake.awaitHealthy(START_TIMEOUT);
            Api api = new Api(lake);
            String admin = api.login("admin", ADMIN_PASSWORD);
            JsonNode finished = eventually(Duration.ofSeconds(120), () -> {
                JsonNode r = api.json("GET", "/api/v1/projects/crash/runs/" + run, admin, null).body();
                return r.get("state").asText().equals("running") || r.get("state").asText().equals("queued") ? null : r;
            });
            assertThat(finished.get("state").asText()).isEqualTo("succeeded");
            // The killed server's claim is durable only if the metadata zone committed it before the kill (the embedded
            // server commits in groups): the run is then taken over when its lease runs out, else it is still queued.
            assertThat(finished.get("attempts").asInt()).isBetween(1, 2);
            JsonNode tables = api.json("GET", "/api/v1/projects/crash/tables", admin, null).body().get("items");
            assertThat(tables).hasSize(1);
            assertThat(tables.get(0).get("row_count").asLong()).isEqualTo(rows);
            JsonNode document = api.json("GET", "/api/v1/projects/crash/objects/" + run.split("-")[0], admin, null).body();
            assertThat(document.get("successful_operations").findValuesAsText("run_id")).containsExactly(run);
            assertThat(document.get("failed_operations")).isEmpty();
        }
    }

    private static byte[] csvRows(int rows) {
        StringBuilder csv = new StringBuilder("id,measured_at,reading,station\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(",2024-05-01T").append(String.format("%02d:%02d:%02dZ", (i / 3600) % 24, (i / 60) % 60, i % 60))
                    .append(',').append(i % 1000).append('.').append(i % 7).append(",station-").append(i % 13).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode projects) {
        return projects.get("items").findValuesAsText("name");
    }

    private static List<Path> logFilesOf(Path data) throws Exception {
        try (Stream<Path> files = Files.walk(data.resolve("logs"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** Polls (every {@value #POLL_INTERVAL_MILLIS} ms) until the probe returns non-null, failing after a deadline. */
    static <T> T eventually(Callable<T> probe) throws Exception {
        return eventually(Duration.ofSeconds(30), probe);
    }

    static <T> T eventually(Duration timeout, Callable<T> probe) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            Thread.sleep(POLL_INTERVAL_MILLIS);
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
