package org.zonelake.pipelines.timeseries;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.metadata.TimeSeriesMapping;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.pipelines.Pipeline;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.spark.LakeSpark;

/**
 * {@code timeseries-csv}: a CSV with a header row and a time column into the time-series zone, by the mapping of
 * the object's template (required: a CSV says nothing about which columns are tags). One step, {@code load}: Spark
 * reads every column as text (values that read as numbers or booleans become them), the rows are validated, then
 * written. The delimiter is the most frequent of {@code , ; TAB |} in the header.
 */
public final class TimeSeriesCsvPipeline implements Pipeline {
    static final String CORRUPT = "_zl_corrupt_record";

    private final LakeSpark spark;
    private final TemplateMappings mappings;
    private final PointLoader loader;

    public TimeSeriesCsvPipeline(LakeSpark spark, TemplateRepository templates, TimeSeriesStore store) {
        this.spark = requireNonNull(spark, "spark is null");
        this.mappings = new TemplateMappings(templates);
        this.loader = new PointLoader(store);
    }

    @Override
    public String name() {
        return PipelineNames.TIMESERIES_CSV;
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
            Optional<TimeSeriesMapping> mapping = mappings.of(context.object());
            if (mapping.isEmpty()) {
                return StepResult.failed(TemplateMappings.missing(context.object())
                        + ": the timeseries-csv pipeline needs one to know the time, tag and value columns");
            }
            TimeParser times;
            try {
                times = TimeParser.of(mapping.get().timeFormat());
            } catch (IllegalArgumentException e) {
                return StepResult.failed(TimeSeriesJsonPipeline.badTimeFormat(context.object(), mapping.get(), e));
            }
            Path source = context.stagedObject();
            char delimiter = CsvDelimiter.of(source);
            context.log("reading CSV with delimiter '%s' by template %s", delimiter == '\t' ? "\\t" : delimiter,
                    context.object().template());
            String description = name() + " of object " + context.object().id() + " in project " + context.object().project();
            try {
                return spark.inJobGroup(context.provenance().runId(), description,
                        () -> load(context, source, delimiter, mapping.get(), times));
            } catch (Exception e) {
                if (e instanceof AnalysisException) {
                    return StepResult.failed("Cannot read the CSV: " + e.getMessage());
                }
                throw e;
            }
        }

        private StepResult load(StepContext context, Path source, char delimiter, TimeSeriesMapping mapping, TimeParser times) {
            String uri = source.toUri().toString();
            StructType header = reader(delimiter).csv(uri).schema();
            if (header.fields().length == 0) {
                return StepResult.failed("the CSV is empty: a header row naming the columns is required");
            }
            PointColumns columns = PointColumns.resolve(mapping, header, CORRUPT);
            if (columns.time() == null) {
                return StepResult.failed("the CSV has no column '" + mapping.timeField() + "' (its header is: "
                        + String.join(", ", header.fieldNames()) + "); a header row naming the columns is required");
            }
            if (columns.values().isEmpty()) {
                return StepResult.failed("the CSV has none of the value columns " + mapping.valueFields() + " (its header is: "
                        + String.join(", ", header.fieldNames()) + ")");
            }
            Dataset<Row> rows = reader(delimiter).schema(asText(header)).option("columnNameOfCorruptRecord", CORRUPT).csv(uri);
            PointMapper mapper = new PointMapper(mapping, columns, times);
            return loader.load(context, rows.select(columns.selection()), mapper, index -> "Row " + (index + 1) + " after the header");
        }

        private DataFrameReader reader(char delimiter) {
            return spark.get().read().option("header", "true").option("sep", String.valueOf(delimiter)).option("mode", "PERMISSIVE");
        }
    }

    // Every column as text (this pipeline converts values itself), plus the column for lines that do not fit.
    private static StructType asText(StructType header) {
        StructField[] fields = Arrays.stream(header.fields())
                .map(field -> DataTypes.createStructField(field.name(), DataTypes.StringType, true))
                .toArray(StructField[]::new);
        return new StructType(fields).add(CORRUPT, DataTypes.StringType, true);
    }
}
