package org.zonelake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.core.gold.sql.TableSchema;
import org.zonelake.core.gold.sql.WriteMode;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;
import org.zonelake.ingest.TestLake.Response;
import org.zonelake.ingest.service.StoreRequest;

/**
 * Who may call what: one representative endpoint of every route group, called by every kind of caller. Refusals
 * must be 401 not_authenticated without a token and 403 forbidden without the role; anything else must succeed.
 */
class AuthorizationMatrixTest {
    private static final String PROJECT = "matrix";
    private static final String OTHER_PROJECT = "elsewhere";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    private static TestLake lake;

    /** The kinds of caller, from nobody to the platform admin. */
    enum Caller {
        ANONYMOUS,
        MEMBER_OF_ANOTHER_PROJECT,
        READER,
        MEMBER,
        PROJECT_ADMIN,
        PLATFORM_ADMIN
    }

    /** What an endpoint needs: a project role, or being a platform admin. */
    enum Needs {
        READER,
        MEMBER,
        PROJECT_ADMIN,
        PLATFORM_ADMIN;

        boolean grantedTo(Caller caller) {
            return switch (caller) {
                case ANONYMOUS, MEMBER_OF_ANOTHER_PROJECT -> false;
                case READER -> this == READER;
                case MEMBER -> this == READER || this == MEMBER;
                case PROJECT_ADMIN -> this != PLATFORM_ADMIN;
                case PLATFORM_ADMIN -> true;
            };
        }
    }

    /** A representative endpoint, how to call it with a token, and the status of a successful call. */
    enum Endpoint {
        READ_CATALOG(Needs.READER, 200, (lake, token) -> lake.get(objects(), token)),
        READ_OBJECT_DOCUMENT(Needs.READER, 200, (lake, token) -> lake.get(objects() + "/" + storedObject(), token)),
        DOWNLOAD_CONTENT(Needs.READER, 200, (lake, token) -> lake.get(objects() + "/" + storedObject() + "/content", token)),
        UPLOAD(Needs.MEMBER, 201, AuthorizationMatrixTest::upload),
        DELETE_OBJECT(Needs.MEMBER, 204, (lake, token) -> lake.delete(objects() + "/" + storedObject(), token)),
        LIST_TEMPLATES(Needs.READER, 200, (lake, token) -> lake.get(project() + "/templates", token)),
        CREATE_TEMPLATE(Needs.PROJECT_ADMIN, 201, (lake, token) -> lake.post(project() + "/templates", token,
                Map.of("name", "template-" + NAMES.incrementAndGet(), "accepted_mime_types", new String[] {"text/*"}))),
        LIST_UPLOADS(Needs.READER, 200, (lake, token) -> lake.get(project() + "/uploads", token)),
        GET_PROJECT(Needs.READER, 200, (lake, token) -> lake.get(project(), token)),
        LIST_USERS(Needs.PLATFORM_ADMIN, 200, (lake, token) -> lake.get("/api/v1/admin/users", token)),
        READ_AUDIT_LOG(Needs.PLATFORM_ADMIN, 200, (lake, token) -> lake.get("/api/v1/admin/audit", token)),
        LIST_RUNS(Needs.READER, 200, (lake, token) -> lake.get(project() + "/runs", token)),
        REDO_RUN(Needs.MEMBER, 202, (lake, token) -> lake.post(project() + "/runs/" + run(RunState.FAILED) + "/redo", token, null)),
        CANCEL_RUN(Needs.MEMBER, 202, (lake, token) -> lake.post(project() + "/runs/" + run(RunState.RUNNING) + "/cancel", token, null)),
        GET_ROUTES(Needs.READER, 200, (lake, token) -> lake.get(project() + "/routes", token)),
        REPLACE_ROUTES(Needs.PROJECT_ADMIN, 200, (lake, token) -> lake.put(project() + "/routes", token,
                Map.of("items", List.of(Map.of("content_type", "text/csv", "pipeline", "sql-tabular"))))),
        OBJECT_LINEAGE(Needs.READER, 200, (lake, token) -> lake.get(objects() + "/" + storedObject() + "/lineage", token)),
        LINEAGE_SOURCES(Needs.READER, 200, (lake, token) -> lake.get(project() + "/lineage/source?zone=sql&name=matrix_rows", token)),
        LIST_MEASUREMENTS(Needs.READER, 200, (lake, token) -> lake.get(project() + "/timeseries", token)),
        LIST_TABLES(Needs.READER, 200, (lake, token) -> lake.get(project() + "/tables", token)),
        EXPORT_TABLE(Needs.READER, 200, (lake, token) -> lake.get(project() + "/tables/matrix_rows/export?format=csv", token)),
        OBJECT_GRAPH(Needs.READER, 200, (lake, token) -> lake.get(objects() + "/" + storedObject() + "/graph", token)),
        EXPORT_GRAPH(Needs.READER, 200, (lake, token) -> lake.get(project() + "/graph/export", token));

        private final Needs needs;
        private final int success;
        private final BiFunction<TestLake, String, Response> call;

        Endpoint(Needs needs, int success, BiFunction<TestLake, String, Response> call) {
            this.needs = needs;
            this.success = success;
            this.call = call;
        }
    }

    @BeforeAll
    static void startLake() {
        lake = TestLake.start();
        lake.createProject(PROJECT);
        lake.createProject(OTHER_PROJECT);
        TOKENS.put(Caller.MEMBER_OF_ANOTHER_PROJECT, lake.tokenFor(OTHER_PROJECT, ProjectRole.MEMBER));
        TOKENS.put(Caller.READER, lake.tokenFor(PROJECT, ProjectRole.READER));
        TOKENS.put(Caller.MEMBER, lake.tokenFor(PROJECT, ProjectRole.MEMBER));
        TOKENS.put(Caller.PROJECT_ADMIN, lake.tokenFor(PROJECT, ProjectRole.ADMIN));
        TOKENS.put(Caller.PLATFORM_ADMIN, lake.adminToken());
        lake.process().sql().writeTable(new Provenance(PROJECT, 1, "1-sql-tabular"), new TableSchema("matrix_rows",
                List.of(new Column("n", ColumnType.INTEGER))), WriteMode.OWN_TABLE, List.<List<Object>>of(List.of(1L)).iterator());
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    static Stream<Arguments> matrix() {
        return Stream.of(Endpoint.values()).flatMap(endpoint -> Stream.of(Caller.values()).map(caller -> Arguments.of(endpoint, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void callerGetsExactlyTheAccessTheirRoleGives(Endpoint endpoint, Caller caller) {
        Response answer = endpoint.call.apply(lake, TOKENS.get(caller));

        if (caller == Caller.ANONYMOUS) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("not_authenticated");
        } else if (!endpoint.needs.grantedTo(caller)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("forbidden");
        } else {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(endpoint.success);
        }
    }

    private static String project() {
        return "/api/v1/projects/" + PROJECT;
    }

    private static String objects() {
        return project() + "/objects";
    }

    /** A fresh object for each call, so that a delete by one caller does not hide it from the next. */
    private static long storedObject() {
        StoreRequest request = new StoreRequest(PROJECT, TestLake.ADMIN_USERNAME, "matrix-" + NAMES.incrementAndGet() + ".txt",
                null, Map.of(), null, null, null);
        return lake.ingest().store(request, new ByteArrayInputStream("some text\n".getBytes(StandardCharsets.UTF_8))).id();
    }

    /**
     * A fresh run for each call: a failed one to redo, or a running one to cancel, whose lease keeps the lake's own
     * runner from claiming it.
     */
    private static String run(RunState state) {
        long objectId = 1_000_000 + NAMES.incrementAndGet();
        Instant now = lake.clock().instant();
        boolean running = state == RunState.RUNNING;
        PipelineRun run = new PipelineRun(PipelineRun.idOf(objectId, "sql-tabular"), PROJECT, objectId, "sql-tabular", state, 1, now, now,
                running ? null : now, "", List.of(new StepRun("load", state, 1, now, running ? null : now, "", "")), null, false,
                running ? "matrix-worker" : null, running ? now.plus(Duration.ofHours(1)) : null, now);
        lake.process().runs().create(run);
        return run.id();
    }

    private static Response upload(TestLake lake, String token) {
        String boundary = "matrix-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"upload-" + NAMES.incrementAndGet() + ".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "uploaded text\n\r\n"
                + "--" + boundary + "--\r\n";
        return lake.send(lake.request(objects(), token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }
}
