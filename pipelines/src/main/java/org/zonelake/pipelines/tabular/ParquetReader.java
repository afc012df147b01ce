package org.zonelake.pipelines.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;

/**
 * Reads a Parquet file with Spark, its own schema mapped to gold columns: integers of any width to INTEGER,
 * decimals keep their scale, float and double to DOUBLE, timestamps (with or without zone, the latter taken
 * as UTC) to TIMESTAMP, strings to TEXT; binary becomes base64 text and nested types JSON text.
 */
final class ParquetReader {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetReader() {}

    /** Whether the file starts with Parquet's magic bytes. */
    static boolean hasMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    static TabularData read(SparkSession spark, Path file) {
        Dataset<Row> source = open(spark, file);
        StructField[] fields = source.schema().fields();
        if (fields.length == 0) {
            throw new LakeException(ErrorCode.INVALID_DATA, "The Parquet file has no columns");
        }
        List<String> names = SqlNames.columnNames(Arrays.stream(fields).map(StructField::name).toList());
        List<org.apache.spark.sql.Column> selected = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            org.apache.spark.sql.Column value = source.col("`" + fields[i].name().replace("`", "``") + "`");
            selected.add(goldValue(value, fields[i].dataType()).as(names.get(i)));
            columns.add(new Column(names.get(i), columnType(fields[i].dataType()), scale(fields[i].dataType())));
        }
        String description = "Parquet; columns " + String.join(", ", columns.stream().map(c -> c.name() + " " + c.type()).toList());
        return new TabularData(source.select(selected.toArray(org.apache.spark.sql.Column[]::new)), columns, false, description);
    }

    private static Dataset<Row> open(SparkSession spark, Path file) {
        try {
            Dataset<Row> source = spark.read().parquet("file://" + file.toAbsolutePath());
            source.schema();
            return source;
        } catch (Exception e) {
            // Spark throws SparkException, a checked exception Scala does not declare, for a damaged footer: the root
            // cause says what is wrong ("... is not a Parquet file. Expected magic number at tail ...").
            // The message names the staged copy: a user is told about their object, not the server's directories.
            String reason = firstLine(rootCause(e).getMessage()).replace("file:" + file.toAbsolutePath(), "the object")
                    .replace(file.toAbsolutePath().toString(), "the object");
            throw new LakeException(ErrorCode.INVALID_DATA, "Cannot read the Parquet file: " + reason, e);
        }
    }

    static ColumnType columnType(DataType type) {
        if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType || type instanceof LongType) {
            return ColumnType.INTEGER;
        }
        if (type instanceof DecimalType) {
            return ColumnType.DECIMAL;
        }
        if (type instanceof FloatType || type instanceof DoubleType) {
            return ColumnType.DOUBLE;
        }
        if (type instanceof BooleanType) {
            return ColumnType.BOOLEAN;
        }
        if (type instanceof DateType) {
            return ColumnType.DATE;
        }
        if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.TEXT;
    }

    private static int scale(DataType type) {
        return type instanceof DecimalType decimal ? decimal.scale() : 0;
    }

    /** The column as the Java value its gold type takes (timestamps without zone are converted on the driver). */
    private static org.apache.spark.sql.Column goldValue(org.apache.spark.sql.Column value, DataType type) {
        if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType) {
            return value.cast(DataTypes.LongType);
        }
        if (type instanceof FloatType) {
            // Through its shortest text, so 1.1f stays 1.1 rather than 1.100000023841858.
            return value.cast(DataTypes.StringType).cast(DataTypes.DoubleType);
        }
        if (type instanceof BinaryType) {
            return functions.base64(value);
        }
        if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
            return functions.to_json(value);
        }
        if (columnType(type) == ColumnType.TEXT && !(type instanceof StringType)) {
            return value.cast(DataTypes.StringType);
        }
        return value;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
