package org.zonelake.ingest.processed;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.graph.Subgraph;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.QueryParameters;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Answers;
import org.zonelake.ingest.objects.ContentDisposition;
import org.zonelake.ingest.objects.VisibleObjects;
import org.zonelake.ingest.processed.GraphViews.SubgraphView;

/**
 * The graph zone (readers): a node's neighbourhood, an object's part of the graph, and the project's graph (or an
 * object's part) streamed as one JSON document.
 */
public final class GraphRoutes implements Routes {
    static final String GRAPH = "/api/v1/projects/{project}/graph";
    static final String OBJECT_GRAPH = "/api/v1/projects/{project}/objects/{id}/graph";
    static final int MAX_DEPTH = 5;
    private static final Set<String> NEIGHBOURHOOD_PARAMETERS = Set.of("depth", "limit");
    private static final Set<String> EXPORT_PARAMETERS = Set.of("object_id");

    private final Access access;
    private final ObjectMapper mapper;
    private final GraphStore store;
    private final VisibleObjects visible;

    public GraphRoutes(GatewayServices services, Access access, ObjectMapper mapper) {
        requireNonNull(services, "services is null");
        this.access = requireNonNull(access, "access is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.store = services.process().graph();
        this.visible = new VisibleObjects(services.objects());
    }

    @Override
    public void register(Javalin app) {
        app.get(GRAPH + "/nodes/{key}/neighbourhood", this::neighbourhood);
        app.get(GRAPH + "/export", this::export);
        app.get(OBJECT_GRAPH, this::ofObject);
    }

    private void neighbourhood(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        QueryParameters parameters = QueryParameters.of(ctx, NEIGHBOURHOOD_PARAMETERS);
        int depth = parameters.integer("depth", 1, MAX_DEPTH, 1);
        int limit = parameters.limit();
        String key = ctx.pathParam("key");
        Subgraph graph = store.neighbourhood(project, key, depth, limit);
        if (graph.nodes().stream().noneMatch(node -> node.key().equals(key))) {
            throw LakeException.of(ErrorCode.NODE_NOT_FOUND, "Node %s does not exist in project %s", key, project);
        }
        Answers.json(ctx, mapper, 200, SubgraphView.of(graph));
    }

    private void ofObject(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        ObjectDocument object = visible.find(project, ctx.pathParam("id"));
        Answers.json(ctx, mapper, 200, SubgraphView.of(store.ofObject(project, object.id())));
    }

    private void export(Context ctx) {
        String project = access.project(ctx, ProjectRole.READER);
        String objectText = QueryParameters.of(ctx, EXPORT_PARAMETERS).text("object_id");
        Long objectId = objectText == null ? null : VisibleObjects.parseId(objectText).stream().boxed().filter(id -> id > 0).findFirst()
                .orElseThrow(() -> QueryParameters.invalid("object_id", "must be an object id, was '" + objectText + "'"));
        String fileName = project + (objectId == null ? "" : "-object-" + objectId) + "-graph.json";
        Answers.stream(ctx, "application/json", ContentDisposition.attachment(fileName), out -> {
            try (GraphExport export = new GraphExport(mapper, out)) {
                store.export(project, objectId, export::node, export::relationship);
                export.finish();
            }
        });
    }
}
