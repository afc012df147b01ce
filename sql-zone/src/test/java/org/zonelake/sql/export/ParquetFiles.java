package org.zonelake.sql.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.zonelake.core.gold.sql.Column;

/** Reads Parquet files back with Parquet's own reader, into the Java values the gold zone uses. */
final class ParquetFiles {
    private ParquetFiles() {}

    static MessageType schema(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter().getFileMetaData().getSchema();
        }
    }

    static List<List<Object>> rows(Path file, List<Column> columns) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = new GroupReader(new LocalInputFile(file)).build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                rows.add(values(group, columns));
            }
        }
        return rows;
    }

    private static List<Object> values(Group group, List<Column> columns) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = group.getFieldRepetitionCount(i) == 0 ? null : value(group, i, columns.get(i));
        }
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    private static Object value(Group group, int field, Column column) {
        return switch (column.type()) {
            case INTEGER -> group.getLong(field, 0);
            case DECIMAL -> decimal(group, field);
            case DOUBLE -> group.getDouble(field, 0);
            case BOOLEAN -> group.getBoolean(field, 0);
            case DATE -> LocalDate.ofEpochDay(group.getInteger(field, 0));
            case TIMESTAMP -> Instant.EPOCH.plus(group.getLong(field, 0), ChronoUnit.MICROS);
            case TEXT -> group.getString(field, 0);
        };
    }

    private static BigDecimal decimal(Group group, int field) {
        PrimitiveType type = group.getType().getType(field).asPrimitiveType();
        int scale = ((DecimalLogicalTypeAnnotation) type.getLogicalTypeAnnotation()).getScale();
        return new BigDecimal(new BigInteger(group.getBinary(field, 0).getBytes()), scale);
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
