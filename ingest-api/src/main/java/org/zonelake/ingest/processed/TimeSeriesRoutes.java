package org.zonelake.ingest.processed;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.timeseries.Bucket;
import org.zonelake.core.gold.timeseries.Measurement;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.ItemsPage;
import org.zonelake.ingest.QueryParameters;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Answers;
import org.zonelake.ingest.objects.ContentDisposition;

/**
 * Endpoints under /api/v1/projects/{project}/timeseries (readers): the project's measurements, the values of a tag,
 * downsampled queries for charts, and the points as CSV.
 */
public final class TimeSeriesRoutes implements Routes {
    static final String SERIES = "/api/v1/projects/{project}/timeseries";
    private static final Set<String> EXPORT_PARAMETERS = Set.of("format", "from", "to");

    private final GatewayServices services;
    private final Access access;
    private final ObjectMapper mapper;
    private final TimeSeriesStore store;

    record TagValues(String measurement, String tag, List<String> values) {}

    record BucketView(Instant time, Double value) {
        static BucketView of(Bucket bucket) {
            return new BucketView(bucket.start(), bucket.value());
        }
    }

    record QueryAnswer(String measurement, String field, String aggregate, String interval, Instant from, Instant to, List<BucketView> buckets) {}

    public TimeSeriesRoutes(GatewayServices services, Access access, ObjectMapper mapper) {
        this.services = requireNonNull(services, "services is null");
        this.access = requireNonNull(access, "access is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.store = services.process().timeSeries();
    }

    @Override
    public void register(Javalin app) {
        app.get(SERIES, this::measurements);
        app.get(SERIES + "/{measurement}/tags/{tag}", this::tagValues);
        app.get(SERIES + "/{measurement}/query", this::query);
        app.get(SERIES + "/{measurement}/export", this::export);
    }

    /** Measurements are few (a name per kind of sensor or template): the list is one page. */
    private void measurements(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        QueryParameters.of(ctx, Set.of());
        Answers.json(ctx, mapper, 200, ItemsPage.of(store.measurements(project)));
    }

    private void tagValues(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        Measurement measurement = measurement(project, ctx.pathParam("measurement"));
        String tag = ctx.pathParam("tag");
        if (!measurement.tagKeys().contains(tag) && !tag.equals(TimeSeriesStore.OBJECT_TAG)) {
            throw LakeException.of(ErrorCode.TAG_NOT_FOUND, "Measurement %s of project %s has no tag %s; its tags are %s",
                    measurement.name(), project, tag, measurement.tagKeys());
        }
        Answers.json(ctx, mapper, 200, new TagValues(measurement.name(), tag, store.tagValues(project, measurement.name(), tag)));
    }

    private void query(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        Measurement measurement = measurement(project, ctx.pathParam("measurement"));
        SeriesQueryParameters.Parsed parsed = SeriesQueryParameters.parse(ctx, project, measurement, services.clock().instant());
        List<BucketView> buckets = store.query(parsed.query()).stream().map(BucketView::of).toList();
        Answers.json(ctx, mapper, 200, new QueryAnswer(measurement.name(), parsed.query().field(),
                parsed.query().aggregate().name().toLowerCase(Locale.ROOT), parsed.interval(), parsed.query().from(), parsed.query().to(), buckets));
    }

    private void export(Context ctx) {
        String project = access.project(ctx, ProjectRole.READER);
        QueryParameters parameters = QueryParameters.of(ctx, EXPORT_PARAMETERS);
        ExportFormat.parse(parameters.text("format"), List.of(ExportFormat.CSV));
        Instant from = SeriesQueryParameters.storable(parameters.instant("from", false), "from");
        Instant to = SeriesQueryParameters.storable(parameters.instant("to", true), "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw QueryParameters.invalid("from", "must be before to: from " + from + ", to " + to);
        }
        Measurement measurement = measurement(project, ctx.pathParam("measurement"));
        Answers.stream(ctx, ExportFormat.CSV.contentType(), ContentDisposition.attachment(ExportFormat.CSV.fileName(measurement.name())), out -> {
            PointsCsv csv = PointsCsv.start(measurement, out);
            store.export(project, measurement.name(), from, to, csv);
            csv.finish();
        });
    }

    private Measurement measurement(String project, String name) {
        return store.measurements(project).stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> LakeException.of(ErrorCode.MEASUREMENT_NOT_FOUND, "Measurement %s does not exist in project %s", name, project));
    }
}
