package org.zonelake.pipelines.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zonelake.pipelines.tabular.SqlTabularPipelineTest.PROJECT;
import static org.zonelake.pipelines.tabular.SqlTabularPipelineTest.row;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.core.metadata.ColumnProfile;
import org.zonelake.core.metadata.TableProfile;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.TestStepContext;

class SqlTabularParquetTest {
    @TempDir
    static Path files;
    private static Path parquet;

    @TempDir
    Path work;

    private final InMemorySqlStore store = new InMemorySqlStore();
    private final InMemoryProfileRepository profiles = new InMemoryProfileRepository();
    private final SqlTabularPipeline pipeline = new SqlTabularPipeline(TestSpark.SPARK, store, profiles, new InMemoryTemplateRepository(),
            TabularConfig.defaults(), Clock.systemUTC());

    /** A Parquet file of every kind of column, written by Spark as a writer of the lake's users would. */
    @BeforeAll
    static void writeParquetFile() throws IOException {
        StructType schema = new StructType()
                .add("Id", DataTypes.IntegerType)
                .add("big count", DataTypes.LongType)
                .add("price", DataTypes.createDecimalType(10, 2))
                .add("ratio", DataTypes.DoubleType)
                .add("weight", DataTypes.FloatType)
                .add("ok", DataTypes.BooleanType)
                .add("day", DataTypes.DateType)
                .add("at", DataTypes.TimestampType)
                .add("name", DataTypes.StringType)
                .add("payload", DataTypes.BinaryType)
                .add("tags", DataTypes.createArrayType(DataTypes.StringType));
        List<Row> rows = List.of(
                RowFactory.create(1, 10_000_000_000L, new BigDecimal("12.50"), 0.25, 1.1f, true, LocalDate.of(2024, 3, 1),
                        Instant.parse("2024-03-01T10:00:00Z"), "first", "hi".getBytes(StandardCharsets.UTF_8), List.of("a", "b")),
                RowFactory.create(2, null, new BigDecimal("7.00"), 1.5e-3, 2.5f, false, LocalDate.of(2024, 3, 2),
                        Instant.parse("2024-03-02T11:30:00Z"), null, null, List.of()));
        Path directory = files.resolve("written");
        TestSpark.SPARK.get().createDataFrame(rows, schema).coalesce(1).write().parquet(directory.toString());
        try (Stream<Path> written = Files.list(directory)) {
            Path part = written.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            parquet = Files.copy(part, files.resolve("readings.parquet"));
        }
    }

    @Test
    void loadsAParquetFileWithItsOwnSchema() throws Exception {
        StepResult result = run("load", context(30, "application/vnd.apache.parquet"));

        assertThat(result).isEqualTo(StepResult.succeeded("2 rows into table readings_parquet_30"));
        assertThat(store.columns(PROJECT, "readings_parquet_30")).containsExactly(
                new Column("id", ColumnType.INTEGER), new Column("big_count", ColumnType.INTEGER), new Column("price", ColumnType.DECIMAL, 2),
                new Column("ratio", ColumnType.DOUBLE), new Column("weight", ColumnType.DOUBLE), new Column("ok", ColumnType.BOOLEAN),
                new Column("day", ColumnType.DATE), new Column("at", ColumnType.TIMESTAMP), new Column("name", ColumnType.TEXT),
                new Column("payload", ColumnType.TEXT), new Column("tags", ColumnType.TEXT));
        assertThat(store.rows(PROJECT, "readings_parquet_30")).containsExactly(
                row(1L, 10_000_000_000L, new BigDecimal("12.50"), 0.25, 1.1, true, LocalDate.of(2024, 3, 1),
                        Instant.parse("2024-03-01T10:00:00Z"), "first", "aGk=", "[\"a\",\"b\"]"),
                row(2L, null, new BigDecimal("7.00"), 1.5e-3, 2.5, false, LocalDate.of(2024, 3, 2),
                        Instant.parse("2024-03-02T11:30:00Z"), null, null, "[]"));
    }

    @Test
    void recognisesParquetByItsMagicBytesWhateverItsContentType() throws Exception {
        StepResult result = run("load", context(31, "application/octet-stream"));

        assertThat(result).isEqualTo(StepResult.succeeded("2 rows into table readings_parquet_31"));
    }

    @Test
    void profilesAParquetFile() throws Exception {
        TestStepContext context = context(32, "application/x-parquet");
        run("load", context);

        assertThat(run("profile", context).isSuccess()).isTrue();

        TableProfile profile = profiles.forObject(PROJECT, 32).get(0);
        assertThat(profile.rowCount()).isEqualTo(2);
        assertThat(profile.quarantinedRows()).isZero();
        assertThat(profile.columns().get(1)).isEqualTo(new ColumnProfile("big_count", "INTEGER", 1, "10000000000", "10000000000", 1));
        assertThat(profile.columns().get(2)).isEqualTo(new ColumnProfile("price", "DECIMAL", 0, "7.00", "12.50", 2));
    }

    private StepResult run(String step, TestStepContext context) throws Exception {
        return pipeline.steps().stream().filter(s -> s.name().equals(step)).findFirst().orElseThrow().run(context);
    }

    private TestStepContext context(long objectId, String contentType) throws IOException {
        return TestStepContext.of(PROJECT, objectId, "readings.parquet", contentType, null, Map.of(), parquet, work);
    }
}
