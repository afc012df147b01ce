package org.zonelake.pipelines.tabular;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a delimited text file with Spark, line by line: each line keeps its number in the file, column types
 * are inferred on the first {@code sampleRows} lines (lines with a wrong field count left out), then every
 * line is parsed against them by {@link LineParser}. A quoted field cannot span lines (as in Spark's own CSV
 * reader by default): such a record is quarantined.
 */
final class DelimitedReader {
    private DelimitedReader() {}

    static TabularData read(SparkSession spark, Path file, TextLayout layout, int sampleRows) {
        JavaPairRDD<String, Long> records = records(spark, file, layout);
        List<TypedColumn> columns = infer(records, layout, sampleRows);
        JavaRDD<Row> rows = records.map(new LineParser(layout, columns));
        Dataset<Row> parsed = spark.createDataFrame(rows, schema(columns));
        return new TabularData(parsed, columns.stream().map(TypedColumn::column).toList(), true, describe(layout, columns));
    }

    /** Non-blank lines after the header, with their 0-based index in the file. */
    private static JavaPairRDD<String, Long> records(SparkSession spark, Path file, TextLayout layout) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String charset = layout.charset();
        long headerIndex = layout.headerLine() - 1L;
        return context.hadoopFile("file://" + file.toAbsolutePath(), TextInputFormat.class, LongWritable.class, Text.class)
                .map(line -> LayoutDetector.stripBom(new String(line._2().getBytes(), 0, line._2().getLength(), Charset.forName(charset))))
                .zipWithIndex()
                .filter(line -> line._2() != headerIndex && !line._1().isBlank());
    }

    private static List<TypedColumn> infer(JavaPairRDD<String, Long> records, TextLayout layout, int sampleRows) {
        char delimiter = layout.delimiter();
        int fields = layout.fieldCount();
        long lastSampleIndex = layout.headerLine() + (long) sampleRows;
        RowStats stats = records.filter(line -> line._2() < lastSampleIndex)
                .aggregate(new RowStats(fields), (row, line) -> row.add(line._1(), delimiter), RowStats::merge);
        List<TypedColumn> columns = new ArrayList<>(fields);
        for (int i = 0; i < fields; i++) {
            KindStats column = stats.column(i);
            columns.add(new TypedColumn(layout.names().get(i), column.kind(), column.scale()));
        }
        return columns;
    }

    private static StructType schema(List<TypedColumn> columns) {
        StructType schema = new StructType()
                .add(TabularData.LINE, DataTypes.LongType, false)
                .add(TabularData.REASON, DataTypes.StringType, true)
                .add(TabularData.RECORD, DataTypes.StringType, true);
        for (TypedColumn column : columns) {
            schema = schema.add(column.name(), column.sparkType(), true);
        }
        return schema;
    }

    private static String describe(TextLayout layout, List<TypedColumn> columns) {
        String header = layout.hasHeader() ? "header on line " + layout.headerLine() : "no header";
        return layout.delimiterName() + "-delimited text, " + header + ", " + layout.charset() + "; columns "
                + String.join(", ", columns.stream().map(TypedColumn::describe).toList());
    }

    /** Per-column {@link KindStats} of the sampled lines that have the expected number of fields. */
    static final class RowStats implements Serializable {
        private static final long serialVersionUID = 1L;
        private final KindStats[] columns;

        RowStats(int fields) {
            columns = new KindStats[fields];
            for (int i = 0; i < fields; i++) {
                columns[i] = new KindStats();
            }
        }

        RowStats add(String line, char delimiter) {
            List<String> fields = DelimitedLine.split(line, delimiter);
            if (fields != null && fields.size() == columns.length) {
                for (int i = 0; i < columns.length; i++) {
                    columns[i].add(fields.get(i));
                }
            }
            return this;
        }

        RowStats merge(RowStats other) {
            for (int i = 0; i < columns.length; i++) {
                columns[i].merge(other.columns[i]);
            }
            return this;
        }

        KindStats column(int index) {
            return columns[index];
        }
    }
}
