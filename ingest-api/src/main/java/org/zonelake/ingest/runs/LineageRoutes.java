package org.zonelake.ingest.runs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.GoldZone;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.process.RunQuery;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.ProcessServices;
import org.zonelake.ingest.QueryParameters;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Answers;
import org.zonelake.ingest.objects.VisibleObjects;
import org.zonelake.ingest.runs.LineageSources.Source;
import org.zonelake.ingest.service.IngestDerivedObjects;

/**
 * Lineage both ways (readers): from an object to its runs, the gold records it produced and the objects derived from
 * it ({@code GET .../objects/{id}/lineage}); and from a table, measurement or graph node back to its source objects
 * ({@code GET .../lineage/source}).
 */
public final class LineageRoutes implements Routes {
    static final String OBJECT_LINEAGE = "/api/v1/projects/{project}/objects/{id}/lineage";
    static final String SOURCES = "/api/v1/projects/{project}/lineage/source";
    /** An object has a run per pipeline that took it: a handful. */
    static final int MAX_RUNS = 100;
    static final int MAX_DERIVED_OBJECTS = 1000;
    private static final Set<String> SOURCE_PARAMETERS = Set.of("zone", "name", "key");

    private final Access access;
    private final ObjectMapper mapper;
    private final ProcessServices process;
    private final VisibleObjects visible;
    private final IngestDerivedObjects derivedObjects;
    private final LineageSources sources;

    record LineageView(long objectId, Long parentId, List<RunSummary> runs, List<DerivedView> items, List<Long> derivedObjects) {}

    record RunSummary(String id, String pipeline, String state) {}

    record DerivedView(String zone, String kind, String name, long count, String runId) {
        static DerivedView of(DerivedRecords records) {
            return new DerivedView(records.zone().wireName(), records.kind(), records.name(), records.count(), records.runId());
        }
    }

    /** {@code name} is the table or measurement, {@code key} the node key; the other is null. */
    record SourcesView(String zone, String name, String key, List<Source> sources) {}

    public LineageRoutes(GatewayServices services, Access access, ObjectMapper mapper) {
        requireNonNull(services, "services is null");
        this.access = requireNonNull(access, "access is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.process = services.process();
        this.visible = new VisibleObjects(services.objects());
        this.derivedObjects = new IngestDerivedObjects(services.ingest(), services.objects(), services.limits());
        this.sources = new LineageSources(process);
    }

    @Override
    public void register(Javalin app) {
        app.get(OBJECT_LINEAGE, this::ofObject);
        app.get(SOURCES, this::sources);
    }

    private void ofObject(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        ObjectDocument object = visible.find(project, ctx.pathParam("id"));
        List<RunSummary> runs = process.runs().list(new RunQuery(project, object.id(), null, null, MAX_RUNS)).items().stream()
                .map(run -> new RunSummary(run.id(), run.pipeline(), run.state().wireName()))
                .toList();
        List<DerivedView> items = Stream.of(process.timeSeries().derivedFrom(project, object.id()),
                        process.sql().derivedFrom(project, object.id()), process.graph().derivedFrom(project, object.id()))
                .flatMap(List::stream).map(DerivedView::of).toList();
        Answers.json(ctx, mapper, 200, new LineageView(object.id(), object.parentId(), runs, items,
                derivedObjects.children(object, MAX_DERIVED_OBJECTS)));
    }

    private void sources(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        QueryParameters parameters = QueryParameters.of(ctx, SOURCE_PARAMETERS);
        GoldZone zone = zone(parameters.required("zone"));
        SourcesView answer = switch (zone) {
            case SQL -> named(zone, parameters, name -> sources.ofTable(project, name));
            case TIME_SERIES -> named(zone, parameters, name -> sources.ofMeasurement(project, name));
            case GRAPH -> keyed(parameters, key -> sources.ofNode(project, key));
        };
        Answers.json(ctx, mapper, 200, answer);
    }

    private static SourcesView named(GoldZone zone, QueryParameters parameters, Function<String, List<Source>> lookup) {
        if (parameters.text("key") != null) {
            throw QueryParameters.invalid("key", "is for zone=graph; name the " + (zone == GoldZone.SQL ? "table" : "measurement") + " with name");
        }
        String name = parameters.required("name");
        return new SourcesView(zone.wireName(), name, null, lookup.apply(name));
    }

    private static SourcesView keyed(QueryParameters parameters, Function<String, List<Source>> lookup) {
        if (parameters.text("name") != null) {
            throw QueryParameters.invalid("name", "is for zone=sql and zone=time_series; name the graph node with key");
        }
        String key = parameters.required("key");
        return new SourcesView(GoldZone.GRAPH.wireName(), null, key, lookup.apply(key));
    }

    private static GoldZone zone(String value) {
        List<String> names = new ArrayList<>();
        for (GoldZone zone : GoldZone.values()) {
            if (zone.wireName().equals(value)) {
                return zone;
            }
            names.add(zone.wireName());
        }
        throw QueryParameters.invalid("zone", "must be one of " + String.join(", ", names) + ", was '" + value + "'");
    }
}
