package org.zonelake.pipelines.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.process.DefaultRoutes;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.core.process.Route;
import org.zonelake.core.process.RouteRepository;

/**
 * Chooses the pipeline of an object: the first line of its project's routing table (or the defaults) that
 * matches its content type and template. Two choices depend on more than the table:
 * <ul>
 *   <li>{@code json} is resolved by looking at the document: a graph document goes to {@code graph-json},
 *       anything else to {@code timeseries-json};</li>
 *   <li>a tabular object whose template maps it to the time-series zone (and names no shared table) goes to
 *       {@code timeseries-csv} instead of {@code sql-tabular}.</li>
 * </ul>
 * No match is {@link PipelineNames#NONE}: the run is recorded as not handled.
 */
public final class Router {
    private final RouteRepository routes;
    private final TemplateRepository templates;
    private final JsonShapes shapes;

    public Router(RouteRepository routes, TemplateRepository templates, JsonShapes shapes) {
        this.routes = requireNonNull(routes, "routes is null");
        this.templates = requireNonNull(templates, "templates is null");
        this.shapes = requireNonNull(shapes, "shapes is null");
    }

    public String pipelineFor(ObjectDocument object) {
        List<Route> table = routes.find(object.project()).orElse(DefaultRoutes.ROUTES);
        String pipeline = table.stream()
                .filter(route -> route.matches(object.contentType(), object.template()))
                .map(Route::pipeline)
                .findFirst()
                .orElse(PipelineNames.NONE);
        return switch (pipeline) {
            case PipelineNames.JSON -> shapes.isGraphDocument(object) ? PipelineNames.GRAPH_JSON : PipelineNames.TIMESERIES_JSON;
            case PipelineNames.SQL_TABULAR -> mapsToTimeSeries(object) ? PipelineNames.TIMESERIES_CSV : pipeline;
            default -> pipeline;
        };
    }

    private boolean mapsToTimeSeries(ObjectDocument object) {
        if (object.template() == null || isParquet(object.contentType())) {
            return false;
        }
        Optional<MetadataTemplate> template = templates.find(object.project(), object.template());
        return template.map(t -> t.processing().timeSeries() != null && t.processing().table() == null).orElse(false);
    }

    private static boolean isParquet(String contentType) {
        return contentType != null && contentType.contains("parquet");
    }
}
