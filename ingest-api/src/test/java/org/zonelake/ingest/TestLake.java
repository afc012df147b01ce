package org.zonelake.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.zonelake.core.config.LimitsConfig;
import org.zonelake.core.identity.AuditLog;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.core.identity.NewUser;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.metadata.UploadRepository;
import org.zonelake.core.process.EventQueue;
import org.zonelake.core.process.PipelineTrigger;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.identity.AdminBootstrap;
import org.zonelake.identity.BuiltinIdentityProvider;
import org.zonelake.identity.IdentityConfig;
import org.zonelake.identity.MongoAuditLog;
import org.zonelake.ingest.fakes.InMemoryGraphStore;
import org.zonelake.ingest.fakes.InMemorySqlStore;
import org.zonelake.ingest.fakes.InMemoryTimeSeriesStore;
import org.zonelake.ingest.http.Json;
import org.zonelake.ingest.service.ContentTypeDetector;
import org.zonelake.ingest.service.IngestDerivedObjects;
import org.zonelake.ingest.service.IngestService;
import org.zonelake.metadata.EmbeddedMongoServer;
import org.zonelake.metadata.MetadataStore;
import org.zonelake.metadata.MongoEventQueue;
import org.zonelake.metadata.MongoObjectRepository;
import org.zonelake.metadata.MongoProfileRepository;
import org.zonelake.metadata.MongoRouteRepository;
import org.zonelake.metadata.MongoRunRepository;
import org.zonelake.metadata.MongoTemplateRepository;
import org.zonelake.metadata.MongoUploadRepository;
import org.zonelake.core.process.Route;
import org.zonelake.core.process.RouteRepository;
import org.zonelake.pipelines.Pipeline;
import org.zonelake.pipelines.PipelineRegistry;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.local.RunnerServices;
import org.zonelake.pipelines.routing.JsonShapes;
import org.zonelake.pipelines.routing.Router;
import org.zonelake.pipelines.local.LocalPipelineRunner;
import org.zonelake.pipelines.local.LocalPipelineTrigger;
import org.zonelake.pipelines.local.LocalRunnerConfig;
import org.zonelake.raw.local.LocalDiskObjectStore;

/**
 * A whole lake for tests: the gateway on 127.0.0.1 and a free port, over the real embedded adapters (in-memory
 * metadata server, raw zone in a temporary directory, built-in identity, local pipeline runner). Use it with
 * try-with-resources or start it in {@code @BeforeAll} and close it in {@code @AfterAll}:
 *
 * <pre>{@code
 * try (TestLake lake = TestLake.start()) {
 *     lake.createProject("alpha");
 *     String token = lake.tokenFor("alpha", ProjectRole.MEMBER);
 *     TestLake.Response answer = lake.get("/api/v1/projects/alpha", token);
 * }
 * }</pre>
 */
public final class TestLake implements AutoCloseable {
    public static final String ADMIN_USERNAME = AdminBootstrap.ADMIN_USERNAME;
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** Password of every user made by {@link #tokenFor}. */
    public static final String USER_PASSWORD = "user-password-for-tests";
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger USER_NUMBERS = new AtomicInteger();

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Path dataDir;
    private final Path stagingDir;
    private final Clock clock;
    private final MetadataStore metadataStore;
    private final ObjectStore objectStore;
    private final ObjectRepository objects;
    private final TemplateRepository templates;
    private final UploadRepository uploads;
    private final EventQueue events;
    private final BuiltinIdentityProvider identity;
    private final AuditLog audit;
    private final IngestService ingest;
    private final PrometheusMeterRegistry metrics;
    private final ProcessServices process;
    private final AtomicInteger runsChanged = new AtomicInteger();
    private final GatewayServices services;
    private final Gateway gateway;
    private final ObjectMapper mapper = Json.newMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String adminToken;

    /** Overrides of the defaults; every setter is optional. */
    public static final class Builder {
        private LimitsConfig limits = LimitsConfig.defaults();
        private Clock clock = Clock.systemUTC();
        private UnaryOperator<ObjectStore> objectStoreWrapper = UnaryOperator.identity();
        private PipelineTrigger pipelineTrigger;
        private final List<HealthCheck> healthChecks = new ArrayList<>();
        private long segmentBytes = 1L << 20;
        private Duration tokenTtl = Duration.ofHours(1);
        private boolean runPipelines = true;
        private UnaryOperator<ProcessServices> processWrapper = UnaryOperator.identity();
        private Optional<Path> webGuiDirectory = Optional.empty();

        private Builder() {}

        /** Serves the web GUI's built assets from this directory (none by default: the test classpath has none). */
        public Builder webGuiDirectory(Path directory) {
            this.webGuiDirectory = Optional.of(directory);
            return this;
        }

        public Builder limits(LimitsConfig limits) {
            this.limits = requireNonNull(limits, "limits is null");
            return this;
        }

        /** The clock of the gateway, the identity provider (token expiry) and the ingest service. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /** Wraps the raw zone, e.g. in a store that fails on demand. */
        public Builder objectStore(UnaryOperator<ObjectStore> wrapper) {
            this.objectStoreWrapper = requireNonNull(wrapper, "wrapper is null");
            return this;
        }

        /** Replaces the local pipeline runner's trigger (the runner is then not started). */
        public Builder pipelineTrigger(PipelineTrigger trigger) {
            this.pipelineTrigger = requireNonNull(trigger, "trigger is null");
            return this;
        }

        /** Adds a component to {@code GET /health} besides the built-in metadata check. */
        public Builder healthCheck(HealthCheck check) {
            this.healthChecks.add(requireNonNull(check, "check is null"));
            return this;
        }

        /** Segment size of the raw zone (1 MiB by default, so that small tests span several segments). */
        public Builder segmentBytes(long segmentBytes) {
            this.segmentBytes = segmentBytes;
            return this;
        }

        public Builder tokenTtl(Duration tokenTtl) {
            this.tokenTtl = requireNonNull(tokenTtl, "tokenTtl is null");
            return this;
        }

        /**
         * Wraps or replaces the process zone's services: by default the Mongo run, route and profile repositories on the
         * lake's metadata store and the in-memory gold zones of {@code org.zonelake.ingest.fakes}.
         */
        public Builder process(UnaryOperator<ProcessServices> wrapper) {
            this.processWrapper = requireNonNull(wrapper, "wrapper is null");
            return this;
        }

        /** Whether the local pipeline runner processes stored objects (on by default). */
        public Builder runPipelines(boolean runPipelines) {
            this.runPipelines = runPipelines;
            return this;
        }
    }

    public static TestLake start() {
        return start(builder -> {});
    }

    public static TestLake start(Consumer<Builder> overrides) {
        Builder builder = new Builder();
        overrides.accept(builder);
        TestLake lake = new TestLake(builder);
        try {
            lake.startGateway();
            return lake;
        } catch (RuntimeException | Error e) {
            lake.close();
            throw e;
        }
    }

    private TestLake(Builder builder) {
        try {
            this.clock = builder.clock;
            this.dataDir = Files.createTempDirectory("zonelake-test-");
            this.stagingDir = Files.createDirectories(dataDir.resolve("staging"));
            EmbeddedMongoServer server = closing(EmbeddedMongoServer.startInMemory());
            this.metadataStore = closing(MetadataStore.on(server, "lake"));
            this.objectStore = builder.objectStoreWrapper.apply(new LocalDiskObjectStore(dataDir.resolve("raw"), builder.segmentBytes));
            this.objects = new MongoObjectRepository(metadataStore);
            this.templates = new MongoTemplateRepository(metadataStore);
            this.uploads = new MongoUploadRepository(metadataStore);
            this.events = new MongoEventQueue(metadataStore);
            this.identity = new BuiltinIdentityProvider(metadataStore, clock, identityConfig(builder));
            this.audit = new MongoAuditLog(metadataStore);
            AdminBootstrap.ensureAdmin(identity, Optional.of(ADMIN_PASSWORD));
            PipelineTrigger trigger = builder.pipelineTrigger != null ? builder.pipelineTrigger : pipelines(builder.runPipelines);
            this.ingest = new IngestService(objectStore, objects, templates, trigger, metadataStore::makeDurable,
                    new ContentTypeDetector(), builder.limits, clock);
            this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            this.process = builder.processWrapper.apply(defaultProcess());
            this.services = new GatewayServices(identity, audit, objectStore, objects, templates, uploads, ingest,
                    metadataStore::makeDurable, stagingDir, builder.limits, metrics, healthChecks(builder), clock, process);
            this.gateway = new Gateway(new GatewayConfig(GatewayConfig.DEFAULT_HOST, 0, builder.webGuiDirectory), services);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Runs, routes and profiles in the metadata store; the gold zones in memory; a counter of redo and cancel wake-ups. */
    private ProcessServices defaultProcess() {
        return new ProcessServices(new MongoRunRepository(metadataStore), new MongoRouteRepository(metadataStore),
                new MongoProfileRepository(metadataStore), new InMemoryTimeSeriesStore(), new InMemorySqlStore(), new InMemoryGraphStore(),
                runsChanged::incrementAndGet);
    }

    private static IdentityConfig identityConfig(Builder builder) {
        // Cheapest Argon2id parameters: hashing cost would only slow the tests down.
        return IdentityConfig.defaults().withTokenTtl(builder.tokenTtl).withArgon2(8, 1, 1);
    }

    private List<HealthCheck> healthChecks(Builder builder) {
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(new HealthCheck() {
            @Override
            public String name() {
                return "metadata";
            }

            @Override
            public boolean isUp() {
                metadataStore.database().runCommand(new org.bson.Document("ping", 1));
                return true;
            }
        });
        checks.addAll(builder.healthChecks);
        return checks;
    }

    /**
     * The process zone: the local runner over the durable queue, with one pipeline that only catalogues every
     * object, polling often and retrying soon so that tests finish fast. Not started when {@code run} is false:
     * events then stay queued.
     */
    private PipelineTrigger pipelines(boolean run) {
        LocalRunnerConfig config = new LocalRunnerConfig(2, Duration.ofSeconds(30), Duration.ofMillis(50), 3,
                Duration.ofMillis(50), Duration.ofMillis(500));
        RouteRepository everythingCatalogued = new FixedRoutes(List.of(new Route("*/*", null, CataloguePipeline.NAME)));
        RunnerServices runnerServices = new RunnerServices(events, new MongoRunRepository(metadataStore), objects, uploads, objectStore,
                new PipelineRegistry(List.of(new CataloguePipeline())),
                new Router(everythingCatalogued, templates, new JsonShapes(objectStore)), runId -> { }, dataDir.resolve("work"), clock);
        LocalPipelineRunner runner = closing(new LocalPipelineRunner(runnerServices, config));
        if (run) {
            runner.start();
        }
        return new LocalPipelineTrigger(events, runner::wakeUp, clock);
    }

    /** A pipeline that succeeds for every object without writing anything: the gateway's tests need runs, not gold. */
    private static final class CataloguePipeline implements Pipeline {
        static final String NAME = "catalogue";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public List<PipelineStep> steps() {
            return List.of(new PipelineStep() {
                @Override
                public String name() {
                    return "catalogue";
                }

                @Override
                public StepResult run(StepContext context) {
                    return StepResult.succeeded("catalogued");
                }
            });
        }
    }

    /** A routing table that never changes. */
    private record FixedRoutes(List<Route> routes) implements RouteRepository {
        @Override
        public Optional<List<Route>> find(String project) {
            return Optional.of(routes);
        }

        @Override
        public void replace(String project, List<Route> routes) {
            throw new UnsupportedOperationException("fixed routes");
        }

        @Override
        public boolean reset(String project) {
            return false;
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        resources.add(resource);
        return resource;
    }

    private void startGateway() {
        gateway.start();
        resources.add(gateway::stop);
    }

    // ---- where things are

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    /** {@code path} (starting with /, may have a query string) against the gateway. */
    public URI uri(String path) {
        return URI.create(baseUri() + path);
    }

    public Gateway gateway() {
        return gateway;
    }

    public GatewayServices services() {
        return services;
    }

    public ObjectStore objectStore() {
        return objectStore;
    }

    public ObjectRepository objects() {
        return objects;
    }

    public TemplateRepository templates() {
        return templates;
    }

    public UploadRepository uploads() {
        return uploads;
    }

    public EventQueue events() {
        return events;
    }

    public IdentityProvider identity() {
        return identity;
    }

    public AuditLog audit() {
        return audit;
    }

    public IngestService ingest() {
        return ingest;
    }

    /** The process zone's services the gateway was given (runs, routes, profiles, gold zones). */
    public ProcessServices process() {
        return process;
    }

    /** How often the gateway woke the pipeline runner after a redo or a cancel. */
    public int runsChangedCount() {
        return runsChanged.get();
    }

    /** Archive entries stored as objects, as the process zone stores them. */
    public IngestDerivedObjects derivedObjects() {
        return new IngestDerivedObjects(ingest, objects, services.limits());
    }

    public MetadataStore metadataStore() {
        return metadataStore;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public Clock clock() {
        return clock;
    }

    /** Where resumable uploads collect their bytes. */
    public Path stagingDir() {
        return stagingDir;
    }

    /** The temporary directory holding everything on disk (raw zone under {@code raw/}); deleted on close. */
    public Path dataDir() {
        return dataDir;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public HttpClient http() {
        return http;
    }

    // ---- users, projects, tokens

    /** A token of the platform admin {@value #ADMIN_USERNAME}, logged in once per lake. */
    public synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = login(ADMIN_USERNAME, ADMIN_PASSWORD);
        }
        return adminToken;
    }

    /** Creates the project directly in the identity provider. */
    public void createProject(String name) {
        identity.createProject(name, "Project " + name + " of a test");
    }

    /** Creates an enabled user who is not a platform admin. */
    public void createUser(String username, String password) {
        identity.createUser(new NewUser(username, password, username + "@example.org", false));
    }

    public void grant(String username, String project, ProjectRole role) {
        identity.grant(username, project, role);
    }

    /** Logs in through {@code POST /api/v1/auth/tokens} and returns the token; fails the test unless it answers 201. */
    public String login(String username, String password) {
        Response answer = post("/api/v1/auth/tokens", null, Map.of("username", username, "password", password));
        if (answer.status() != 201) {
            throw new AssertionError("Login of " + username + " answered " + answer.status() + ": " + answer.text());
        }
        return answer.json().path("token").asText();
    }

    /** A token of a new user holding {@code role} in {@code project} (and nothing else). */
    public String tokenFor(String project, ProjectRole role) {
        String username = newUsername(role.wireName() + "-" + project);
        createUser(username, USER_PASSWORD);
        grant(username, project, role);
        return login(username, USER_PASSWORD);
    }

    /** A token of a new user without any role. */
    public String tokenWithoutRoles() {
        String username = newUsername("nobody");
        createUser(username, USER_PASSWORD);
        return login(username, USER_PASSWORD);
    }

    /** A unique user name starting with {@code prefix}. */
    public static String newUsername(String prefix) {
        String clean = prefix.replaceAll("[^A-Za-z0-9._@-]", "-");
        return (clean.length() > 50 ? clean.substring(0, 50) : clean) + "-" + USER_NUMBERS.incrementAndGet();
    }

    // ---- HTTP

    /** A request builder for {@code path}, with the token (if not null) in {@code X-Auth-Token}. */
    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(HTTP_TIMEOUT);
        if (token != null) {
            builder.header("X-Auth-Token", token);
        }
        return builder;
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** POSTs {@code body} as JSON ({@code null}: no body). */
    public Response post(String path, String token, Object body) {
        return send(withJson(request(path, token), "POST", body));
    }

    public Response patch(String path, String token, Object body) {
        return send(withJson(request(path, token), "PATCH", body));
    }

    public Response put(String path, String token, Object body) {
        return send(withJson(request(path, token), "PUT", body));
    }

    private HttpRequest.Builder withJson(HttpRequest.Builder builder, String method, Object body) {
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        byte[] json = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : toJson(body);
        return builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(json));
    }

    /** Sends the request and reads the whole answer into memory. */
    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(answer.statusCode(), answer.headers(), answer.body(), mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + request.build().uri(), e);
        }
    }

    public byte[] toJson(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An HTTP answer read into memory; {@link #json()} parses the body when it is JSON. */
    public record Response(int status, HttpHeaders headers, byte[] body, ObjectMapper mapper) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON, or a missing node if it is empty or not JSON. */
        public JsonNode json() {
            if (body.length == 0) {
                return MissingNode.getInstance();
            }
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        /** The problem code of an error answer, or {@code ""}. */
        public String code() {
            return json().path("code").asText("");
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String toString() {
            String text = text();
            return "Response[" + status + " " + (text.length() > 500 ? text.substring(0, 500) + "…" : text) + "]";
        }
    }

    // ---- waiting without sleeping blindly

    /** Polls {@code condition} every 10 ms until it holds, failing the test after {@code timeout}. */
    public static void await(Duration timeout, BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        resources.clear();
        deleteRecursively(dataDir);
    }

    private static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
