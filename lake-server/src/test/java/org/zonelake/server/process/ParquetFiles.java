package org.zonelake.server.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** Parquet files written and read with Parquet's own example (Group) API, as a user's tool or a reader of exports would. */
final class ParquetFiles {
    /** The readings file: a long id, text, a date, a UTC timestamp, a decimal(10,2), a double, a boolean. */
    static final MessageType READINGS = MessageTypeParser.parseMessageType("""
            message readings {
              required int64 id;
              required binary station (STRING);
              optional int32 day (DATE);
              optional int64 measured_at (TIMESTAMP(MICROS,true));
              optional int64 price (DECIMAL(10,2));
              optional double ratio;
              optional boolean ok;
            }""");

    private ParquetFiles() {}

    /** Three rows of {@link #READINGS}; the third has nulls in every optional column but one. */
    static byte[] readings(Path directory) {
        Path file = directory.resolve("readings-" + System.nanoTime() + ".parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(READINGS);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(READINGS).build()) {
            writer.write(groups.newGroup().append("id", 1L).append("station", "Alpha").append("day", (int) LocalDate.of(2024, 3, 1).toEpochDay())
                    .append("measured_at", micros("2024-03-01T10:15:00Z")).append("price", 1250L).append("ratio", 0.25).append("ok", true));
            writer.write(groups.newGroup().append("id", 2L).append("station", "Beta").append("day", (int) LocalDate.of(2024, 3, 2).toEpochDay())
                    .append("measured_at", micros("2024-03-02T11:30:00.5Z")).append("price", -705L).append("ratio", 1.5e-3).append("ok", false));
            writer.write(groups.newGroup().append("id", 3L).append("station", "Gamma").append("ratio", 2.0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestFiles.read(file);
    }

    private static long micros(String instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
    }

    /** The schema of a Parquet file. */
    static MessageType schema(Path file) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter().getFileMetaData().getSchema();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of a Parquet file of flat columns, as Java values by logical type (null where absent). */
    static List<List<Object>> rows(Path file) {
        MessageType schema = schema(file);
        List<List<Object>> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = new GroupReader(new LocalInputFile(file)).build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                List<Object> row = new ArrayList<>();
                for (int field = 0; field < schema.getFieldCount(); field++) {
                    row.add(group.getFieldRepetitionCount(field) == 0 ? null : value(group, field, schema.getType(field).asPrimitiveType()));
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static Path write(Path directory, byte[] content) {
        try {
            return Files.write(Files.createTempFile(directory, "export-", ".parquet"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(Group group, int field, PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            BigInteger unscaled = switch (type.getPrimitiveTypeName()) {
                case INT32 -> BigInteger.valueOf(group.getInteger(field, 0));
                case INT64 -> BigInteger.valueOf(group.getLong(field, 0));
                default -> new BigInteger(group.getBinary(field, 0).getBytes());
            };
            return new BigDecimal(unscaled, decimal.getScale());
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return LocalDate.ofEpochDay(group.getInteger(field, 0));
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
            ChronoUnit unit = switch (timestamp.getUnit()) {
                case MILLIS -> ChronoUnit.MILLIS;
                case MICROS -> ChronoUnit.MICROS;
                case NANOS -> ChronoUnit.NANOS;
            };
            return Instant.EPOCH.plus(group.getLong(field, 0), unit);
        }
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> (long) group.getInteger(field, 0);
            case INT64 -> group.getLong(field, 0);
            case DOUBLE -> group.getDouble(field, 0);
            case FLOAT -> (double) group.getFloat(field, 0);
            case BOOLEAN -> group.getBoolean(field, 0);
            default -> group.getString(field, 0);
        };
    }

    /** Describes a column for assertions: {@code name type logical}. */
    static String describe(Type type) {
        PrimitiveType primitive = type.asPrimitiveType();
        LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
        return type.getName() + " " + primitive.getPrimitiveTypeName() + (logical == null ? "" : " " + logical);
    }

    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(InputFile file) {
            super(file);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
