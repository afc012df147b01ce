package org.zonelake.ingest.runs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.AuditEntry;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.process.DefaultRoutes;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.core.process.Route;
import org.zonelake.core.process.RouteRepository;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.JsonBodies;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Answers;
import org.zonelake.ingest.http.Authentication;
import org.zonelake.ingest.http.RequestIds;

/**
 * {@code /api/v1/projects/{project}/routes}: the project's routing table, which sends an object to a pipeline by its
 * content type (and template). Readers see it (the lake's defaults while the project has none of its own); project
 * admins replace it or reset it to the defaults.
 */
public final class RoutingTableRoutes implements Routes {
    static final String ROUTES = "/api/v1/projects/{project}/routes";
    static final int MAX_ROUTES = 1000;

    private final GatewayServices services;
    private final Access access;
    private final ObjectMapper mapper;
    private final RouteRepository routes;

    /** One line of the table, on the wire; {@code template} null matches objects of any template. */
    record RouteView(String contentType, String template, String pipeline) {
        static RouteView of(Route route) {
            return new RouteView(route.contentType(), route.template(), route.pipeline());
        }
    }

    /** The table: {@code custom} is false while the project uses the lake's defaults. */
    record TableView(List<RouteView> items, boolean custom) {
        static TableView of(List<Route> routes, boolean custom) {
            return new TableView(routes.stream().map(RouteView::of).toList(), custom);
        }
    }

    /** The body of {@code PUT}: the whole table, first matching line wins. */
    record TableBody(List<RouteView> items) {}

    public RoutingTableRoutes(GatewayServices services, Access access, ObjectMapper mapper) {
        this.services = requireNonNull(services, "services is null");
        this.access = requireNonNull(access, "access is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.routes = services.process().routes();
    }

    @Override
    public void register(Javalin app) {
        app.get(ROUTES, this::get);
        app.put(ROUTES, this::replace);
        app.delete(ROUTES, this::reset);
    }

    private void get(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        Optional<List<Route>> own = routes.find(project);
        Answers.json(ctx, mapper, 200, TableView.of(own.orElse(DefaultRoutes.ROUTES), own.isPresent()));
    }

    private void replace(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.ADMIN);
        TableBody body = JsonBodies.read(ctx, mapper, TableBody.class);
        List<Route> table = table(project, body);
        routes.replace(project, table);
        audit(ctx, "routes.replace", project, table.size() + " routes");
        Answers.json(ctx, mapper, 200, TableView.of(table, true));
    }

    private void reset(Context ctx) {
        String project = access.project(ctx, ProjectRole.ADMIN);
        routes.reset(project);
        audit(ctx, "routes.reset", project, "back to the defaults");
        ctx.status(204);
    }

    private List<Route> table(String project, TableBody body) {
        if (body.items() == null) {
            throw new LakeException(ErrorCode.INVALID_ROUTE, "The routing table needs \"items\": a list of {content_type, template, pipeline}");
        }
        if (body.items().size() > MAX_ROUTES) {
            throw LakeException.of(ErrorCode.INVALID_ROUTE, "A routing table has at most %d routes; %d were given", MAX_ROUTES, body.items().size());
        }
        List<Route> table = new ArrayList<>(body.items().size());
        for (int i = 0; i < body.items().size(); i++) {
            table.add(route(project, i, body.items().get(i)));
        }
        return table;
    }

    /** Route {@code index} of the body, checked: a known pipeline, a media type pattern, an existing template. */
    private Route route(String project, int index, RouteView line) {
        if (line == null || line.contentType() == null || line.pipeline() == null) {
            throw invalid(index, "Route %d needs a content_type and a pipeline", index);
        }
        if (!PipelineNames.ROUTABLE.contains(line.pipeline())) {
            throw invalid(index, "Route %d names pipeline '%s'; the pipelines are %s", index, line.pipeline(), PipelineNames.ROUTABLE);
        }
        Route route;
        try {
            route = new Route(line.contentType(), line.template(), line.pipeline());
        } catch (IllegalArgumentException e) {
            throw invalid(index, "Route %d: %s", index, e.getMessage());
        }
        if (route.template() != null && services.templates().find(project, route.template()).isEmpty()) {
            throw new LakeException(ErrorCode.UNKNOWN_TEMPLATE, String.format("Route %d names template %s, which does not exist in project %s",
                    index, route.template(), project), Map.of("index", index), null);
        }
        return route;
    }

    private static LakeException invalid(int index, String format, Object... args) {
        return new LakeException(ErrorCode.INVALID_ROUTE, String.format(format, args), Map.of("index", index), null);
    }

    private void audit(Context ctx, String action, String project, String detail) {
        services.audit().append(new AuditEntry(services.clock().instant(), Authentication.principal(ctx).username(), action,
                project + "/routes", "success", RequestIds.of(ctx), detail));
    }
}
