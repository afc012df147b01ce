package org.zonelake.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.io.LogarithmicArrayByteBufferPool;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.ingest.admin.AssignmentAdminRoutes;
import org.zonelake.ingest.admin.AuditRoutes;
import org.zonelake.ingest.admin.AuditTrail;
import org.zonelake.ingest.admin.UserAdminRoutes;
import org.zonelake.ingest.auth.AuthRoutes;
import org.zonelake.ingest.gui.WebGui;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Authentication;
import org.zonelake.ingest.http.Json;
import org.zonelake.ingest.http.Problems;
import org.zonelake.ingest.http.RequestIds;
import org.zonelake.ingest.objects.ObjectRoutes;
import org.zonelake.ingest.ops.HealthRoutes;
import org.zonelake.ingest.ops.HttpObservation;
import org.zonelake.ingest.ops.JvmMetrics;
import org.zonelake.ingest.ops.MetricsRoutes;
import org.zonelake.ingest.ops.OpenApiDocument;
import org.zonelake.ingest.ops.OpenApiRoutes;
import org.zonelake.ingest.processed.GraphRoutes;
import org.zonelake.ingest.processed.TableRoutes;
import org.zonelake.ingest.processed.TimeSeriesRoutes;
import org.zonelake.ingest.projects.ProjectRoutes;
import org.zonelake.ingest.runs.LineageRoutes;
import org.zonelake.ingest.runs.RoutingTableRoutes;
import org.zonelake.ingest.runs.RunRoutes;
import org.zonelake.ingest.swift.SwiftEventRoutes;
import org.zonelake.ingest.templates.TemplateRoutes;
import org.zonelake.webhook.SwiftEventReceiver;
import org.zonelake.ingest.uploads.UploadRoutes;

/**
 * The REST gateway: one Javalin server with every route group. A request passes request id → authentication
 * (everything under /api but the public operations) → the handler, whose project or admin check comes first →
 * problem mapping of any failure; then one log line and one timer sample.
 */
public final class Gateway {
    /** Operations under /api that need no token. {@code /health} and {@code /metrics} are outside /api. */
    /** Operations without a token: login, the API document, and the Swift filter's events (signed instead). */
    public static final Set<String> PUBLIC_OPERATIONS = Set.of("POST " + AuthRoutes.PATH, "GET " + OpenApiRoutes.PATH,
            "POST " + SwiftEventRoutes.PATH);
    /** Route groups, each documented by {@code openapi/paths-<group>.json}. */
    public static final List<String> OPENAPI_GROUPS = List.of("core", "objects", "templates", "uploads", "runs", "processed", "swift");
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** tus carries template metadata base64-encoded in a header: room for the 64 KiB metadata limit and more. */
    private static final int REQUEST_HEADER_BYTES = 128 * 1024;
    /**
     * Bytes read from a connection at a time. Jetty's default of 8 KiB costs a system call and a pass through its
     * parser per 8 KiB of an upload (1 MiB took 0.2 core-seconds per GiB less than 256 KiB); a connection holds a
     * buffer from the pool only while it has unread bytes.
     */
    private static final int REQUEST_INPUT_BUFFER_BYTES = 1024 * 1024;
    /** Jetty's default pool keeps buffers up to 64 KiB and allocates larger ones afresh on every read. */
    private static final int POOLED_BUFFER_BYTES = 1024 * 1024;
    private static final String UNMATCHED_ROUTE = "unmatched";

    private final GatewayConfig config;
    private final Javalin app;
    private final GatewayServices services;
    private JvmMetrics jvmMetrics;
    private final OpenApiDocument openApi;
    private final Optional<WebGui> webGui;

    public Gateway(GatewayConfig config, GatewayServices services) {
        this(config, services, Optional.empty());
    }

    /** With the receiver of the Swift proxy filter's events, when the raw zone is Swift. */
    public Gateway(GatewayConfig config, GatewayServices services, Optional<SwiftEventReceiver> swiftEvents) {
        this.config = requireNonNull(config, "config is null");
        this.services = requireNonNull(services, "services is null");
        ObjectMapper mapper = Json.newMapper();
        this.openApi = OpenApiDocument.load(mapper, OPENAPI_GROUPS);
        this.webGui = WebGui.locate(config.staticFilesDirectory(), Gateway.class.getClassLoader());
        this.app = Javalin.create(javalin -> configure(javalin, mapper, services));
        RequestIds.install(app);
        Problems.install(app, mapper);
        app.before("/api/*", new Authentication(services.identity(), PUBLIC_OPERATIONS));
        routeGroups(services, mapper, swiftEvents).forEach(group -> group.register(app));
        webGui.ifPresent(gui -> gui.register(app));
    }

    private void configure(JavalinConfig javalin, ObjectMapper mapper, GatewayServices services) {
        javalin.showJavalinBanner = false;
        javalin.jsonMapper(new JavalinJackson(mapper, false));
        // Uploads stream bodies of many gigabytes; the routes enforce LimitsConfig themselves.
        javalin.http.maxRequestSize = Long.MAX_VALUE;
        // Downloads stream stored bytes as they are (Range and ETag must refer to those bytes).
        javalin.http.disableCompression();
        javalin.jetty.defaultHost = config.host();
        javalin.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(REQUEST_HEADER_BYTES));
        javalin.jetty.modifyServer(server -> {
            server.addBean(new LogarithmicArrayByteBufferPool(-1, POOLED_BUFFER_BYTES));
            server.addEventListener(new LargeInputBuffers());
        });
        javalin.requestLogger.http(new HttpObservation(services.metrics(), ctx -> routeTemplate(javalin, ctx)));
        webGui.ifPresent(gui -> gui.configureStaticFiles(javalin));
    }

    /** Sets the input buffer of the HTTP connectors, which Javalin creates only when the server starts. */
    private static final class LargeInputBuffers implements LifeCycle.Listener {
        @Override
        public void lifeCycleStarting(LifeCycle event) {
            for (Connector connector : ((Server) event).getConnectors()) {
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    http.setInputBufferSize(REQUEST_INPUT_BUFFER_BYTES);
                }
            }
        }
    }

    private List<Routes> routeGroups(GatewayServices services, ObjectMapper mapper, Optional<SwiftEventReceiver> swiftEvents) {
        Access access = new Access(services.identity());
        AuditTrail audit = new AuditTrail(services.audit(), services.clock());
        return List.of(
                new AuthRoutes(services.identity(), audit, mapper),
                new ProjectRoutes(services.identity(), access, audit, mapper),
                new UserAdminRoutes(services.identity(), access, audit, mapper),
                new AssignmentAdminRoutes(services.identity(), access, audit, mapper),
                new AuditRoutes(services.audit(), access),
                new ObjectRoutes(services, access, mapper),
                new TemplateRoutes(services, access, mapper),
                new UploadRoutes(services, access, mapper),
                new RunRoutes(services, access, mapper),
                new RoutingTableRoutes(services, access, mapper),
                new LineageRoutes(services, access, mapper),
                new TimeSeriesRoutes(services, access, mapper),
                new TableRoutes(services, access, mapper),
                new GraphRoutes(services, access, mapper),
                new SwiftEventRoutes(swiftEvents, mapper),
                new HealthRoutes(services.healthChecks()),
                new MetricsRoutes(services.metrics()),
                new OpenApiRoutes(openApi));
    }

    /**
     * The route template of the request, looked up in the router: Javalin's own matched path names the
     * before-handler ({@code /api/*}) when authentication refused the request.
     */
    private static String routeTemplate(JavalinConfig javalin, Context ctx) {
        return javalin.pvt.internalRouter.findHttpHandlerEntries(ctx.method(), ctx.path())
                .map(entry -> entry.getEndpoint().getPath())
                .findFirst()
                .orElse(UNMATCHED_ROUTE);
    }

    /** Whether the web GUI is served under {@code /}. */
    public boolean servesWebGui() {
        return webGui.isPresent();
    }

    /** Starts listening and returns the bound port. */
    public synchronized int start() {
        jvmMetrics = new JvmMetrics(services.metrics());
        app.start(config.host(), config.port());
        LOG.info("Gateway listening on http://{}:{}", config.host(), app.port());
        return app.port();
    }

    public int port() {
        return app.port();
    }

    public synchronized void stop() {
        app.stop();
        if (jvmMetrics != null) {
            jvmMetrics.close();
            jvmMetrics = null;
        }
    }

    /** Every registered API route as {@code "METHOD path"}, e.g. {@code "GET /api/v1/projects/{project}"} (not the GUI's pages). */
    public List<String> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(entry -> entry.getEndpoint())
                .filter(endpoint -> endpoint.getMethod().isHttpMethod())
                .filter(endpoint -> !WebGui.PAGE_PATHS.contains(endpoint.getPath()))
                .map(endpoint -> endpoint.getMethod().name() + " " + endpoint.getPath())
                .distinct()
                .toList();
    }

    /** The merged OpenAPI document served at {@code /api/openapi.json}. */
    public OpenApiDocument openApi() {
        return openApi;
    }
}
