package org.zonelake.pipelines.tabular;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.apache.spark.storage.StorageLevel;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.spark.LakeSpark;

/**
 * Reads the staged object as a table with Spark: Parquet (by its content type or its {@code PAR1} magic) or
 * delimited text (layout detected from the first lines). Both steps of {@code sql-tabular} read through it,
 * so the profile sees exactly the rows the load wrote. Throws {@code INVALID_DATA} for a file that is not a table.
 */
final class TabularReader {
    private final LakeSpark spark;
    private final TabularConfig config;

    TabularReader(LakeSpark spark, TabularConfig config) {
        this.spark = requireNonNull(spark, "spark is null");
        this.config = requireNonNull(config, "config is null");
    }

    /** Runs {@code work} on the object's table, as the run's Spark job group so a cancel stops its jobs. */
    <T> T withTable(StepContext context, String purpose, Function<TabularData, T> work) throws IOException {
        Path file = context.stagedObject();
        String description = purpose + " of object " + context.provenance().objectId() + " in run " + context.provenance().runId();
        return spark.inJobGroup(context.provenance().runId(), description, () -> {
            TabularData data = read(context, file);
            context.log("Read %s", data.description());
            if (context.cancelRequested()) {
                throw new CancellationException("Cancelled after reading the table");
            }
            if (data.lineBased()) {
                data.rows().persist(StorageLevel.MEMORY_AND_DISK());
            }
            try {
                return work.apply(data);
            } finally {
                data.rows().unpersist(false);
            }
        });
    }

    private TabularData read(StepContext context, Path file) {
        try {
            if (isParquet(context.object().contentType(), file)) {
                return ParquetReader.read(spark.get(), file);
            }
            TextLayout layout = LayoutDetector.detect(file);
            return DelimitedReader.read(spark.get(), file, layout, config.sampleRows());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isParquet(String contentType, Path file) throws IOException {
        boolean magic = ParquetReader.hasMagic(file);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("parquet") && !magic) {
            throw new LakeException(ErrorCode.INVALID_DATA, "The object is typed " + contentType + " but does not start with PAR1: not a Parquet file");
        }
        return magic;
    }
}
