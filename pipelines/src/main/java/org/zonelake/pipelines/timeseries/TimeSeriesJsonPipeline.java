package org.zonelake.pipelines.timeseries;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.metadata.TimeSeriesMapping;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.pipelines.Pipeline;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.graph.GraphDocument;
import org.zonelake.pipelines.spark.LakeSpark;

/**
 * {@code timeseries-json}: JSON readings (an array, NDJSON, or one object) into the time-series zone, by the mapping
 * of the object's template, or as the built-in sensor format ({@link SensorFormat}) without one. One step,
 * {@code load}: the records are staged one per line, read and projected by Spark, validated, then written.
 */
public final class TimeSeriesJsonPipeline implements Pipeline {
    static final String STAGED_RECORDS = "timeseries-records.ndjson";

    private final LakeSpark spark;
    private final TemplateMappings mappings;
    private final PointLoader loader;

    public TimeSeriesJsonPipeline(LakeSpark spark, TemplateRepository templates, TimeSeriesStore store) {
        this.spark = requireNonNull(spark, "spark is null");
        this.mappings = new TemplateMappings(templates);
        this.loader = new PointLoader(store);
    }

    @Override
    public String name() {
        return PipelineNames.TIMESERIES_JSON;
    }

    @Override
    public List<PipelineStep> steps() {
        return List.of(new Load());
    }

    private final class Load implements PipelineStep {
        @Override
        public String name() {
            return "load";
        }

        @Override
        public StepResult run(StepContext context) throws Exception {
            ObjectDocument object = context.object();
            Optional<TimeSeriesMapping> templateMapping = mappings.of(object);
            TimeSeriesMapping mapping = templateMapping.orElse(SensorFormat.MAPPING);
            logMapping(context, templateMapping.isPresent(), mapping);
            Path source = context.stagedObject();
            if (GraphDocument.isGraph(source)) {
                return StepResult.notHandled("a graph document (an object with a 'nodes' array): the graph-json pipeline reads it");
            }
            Path records = context.workDirectory().resolve(STAGED_RECORDS);
            try {
                return stageAndLoad(context, source, records, mapping, templateMapping.isEmpty());
            } finally {
                Files.deleteIfExists(records);
            }
        }

        private StepResult stageAndLoad(StepContext context, Path source, Path records, TimeSeriesMapping mapping, boolean builtIn)
                throws Exception {
            TimeParser times;
            long count;
            try {
                times = TimeParser.of(mapping.timeFormat());
                count = JsonRecords.stage(source, mapping.readingsPath(), records);
            } catch (IllegalArgumentException e) {
                return StepResult.failed(badTimeFormat(context.object(), mapping, e));
            } catch (JsonRecords.NotRecordsException e) {
                return StepResult.notHandled(e.getMessage());
            } catch (BadRecordException e) {
                return StepResult.failed(e.getMessage() + "; nothing was written");
            }
            if (count == 0) {
                return StepResult.notHandled(mapping.readingsPath() == null ? "the JSON holds no records"
                        : "the JSON holds no readings at the path '" + mapping.readingsPath() + "'");
            }
            context.log("staged %d records", count);
            if (context.cancelRequested()) {
                throw new CancellationException("cancelled after staging the records");
            }
            String description = name() + " of object " + context.object().id() + " in project " + context.object().project();
            try {
                return spark.inJobGroup(context.provenance().runId(), description,
                        () -> load(context, records, new Mapped(mapping, times, builtIn)));
            } catch (Exception e) {
                if (e instanceof AnalysisException) {
                    return StepResult.failed("Cannot read the records: " + e.getMessage());
                }
                throw e;
            }
        }

        private StepResult load(StepContext context, Path records, Mapped mapped) {
            Dataset<Row> all = spark.get().read().json(records.toUri().toString());
            PointColumns columns = PointColumns.resolve(mapped.mapping, all.schema(), null);
            String missing = columns.time() == null ? "a time field '" + mapped.mapping.timeField() + "'"
                    : columns.values().isEmpty() ? "a value field " + mapped.mapping.valueFields() : null;
            if (missing != null && mapped.builtIn) {
                return StepResult.notHandled("no record has " + missing + ": the JSON is not in the built-in sensor format "
                        + SensorFormat.DESCRIPTION + ", and " + TemplateMappings.missing(context.object()));
            }
            if (missing != null) {
                return StepResult.failed("no record has " + missing + " the template '" + context.object().template()
                        + "' maps; nothing was written");
            }
            PointMapper mapper = new PointMapper(mapped.mapping, columns, mapped.times);
            return loader.load(context, all.select(columns.selection()), mapper, index -> "Record index " + index);
        }
    }

    private record Mapped(TimeSeriesMapping mapping, TimeParser times, boolean builtIn) {}

    private static void logMapping(StepContext context, boolean fromTemplate, TimeSeriesMapping mapping) {
        if (fromTemplate) {
            context.log("mapping of template %s: measurement %s%s, time field %s (%s), tags %s, values %s, readings path %s",
                    context.object().template(), mapping.measurement(),
                    mapping.measurementField() == null ? "" : " or field " + mapping.measurementField(), mapping.timeField(),
                    mapping.timeFormat(), mapping.tagFields(), mapping.valueFields().isEmpty() ? "all other" : mapping.valueFields(),
                    mapping.readingsPath() == null ? "none" : mapping.readingsPath());
        } else {
            context.log("no template mapping: reading the built-in sensor format %s", SensorFormat.DESCRIPTION);
        }
    }

    static String badTimeFormat(ObjectDocument object, TimeSeriesMapping mapping, IllegalArgumentException e) {
        return "the time format '" + mapping.timeFormat() + "' of template '" + object.template()
                + "' is neither iso, epoch_s, epoch_ms, epoch_us, epoch_ns nor a valid date-time pattern: " + e.getMessage();
    }
}
