package org.zonelake.sql.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zonelake.sql.GoldRows.COLUMNS;
import static org.zonelake.sql.GoldRows.row;
import static org.zonelake.sql.GoldRows.values;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;

class ParquetTableWriterTest {
    @TempDir
    Path directory;

    @Test
    void writesRowsThatParquetReadsBackWithTheirValues() throws IOException {
        List<Object> edges = values(-1L, new BigDecimal("-123456789012345678901234567890123456.78"), -0.5, true,
                LocalDate.of(1, 1, 1), Instant.parse("1969-12-31T23:59:59.999999Z"), "😀, \"quoted\"");
        List<List<Object>> rows = List.of(row(1), row(35), edges, values(new Object[COLUMNS.size()]));
        Path file = directory.resolve("sales.parquet");

        try (OutputStream out = Files.newOutputStream(file); ParquetTableWriter writer = new ParquetTableWriter(out, COLUMNS)) {
            for (List<Object> row : rows) {
                writer.accept(row);
            }
        }

        assertThat(ParquetFiles.rows(file, COLUMNS)).isEqualTo(rows);
    }

    @Test
    void declaresTypesOtherToolsReadAsTheSameKindOfValue() throws IOException {
        Path file = directory.resolve("sales.parquet");
        try (OutputStream out = Files.newOutputStream(file); ParquetTableWriter writer = new ParquetTableWriter(out, COLUMNS)) {
            writer.accept(row(1));
        }

        MessageType schema = ParquetFiles.schema(file);

        assertThat(schema.getFields()).extracting(Type::getName).containsExactly("id", "amount", "ratio", "active", "day", "seen_at", "note");
        assertThat(schema.getFields()).allSatisfy(field -> assertThat(field.getRepetition()).isEqualTo(Type.Repetition.OPTIONAL));
        assertThat(schema.getFields()).extracting(field -> field.asPrimitiveType().getPrimitiveTypeName()).containsExactly(
                PrimitiveTypeName.INT64, PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, PrimitiveTypeName.DOUBLE, PrimitiveTypeName.BOOLEAN,
                PrimitiveTypeName.INT32, PrimitiveTypeName.INT64, PrimitiveTypeName.BINARY);
        assertThat(schema.getFields()).extracting(Type::getLogicalTypeAnnotation).containsExactly(
                null, LogicalTypeAnnotation.decimalType(2, 38), null, null, LogicalTypeAnnotation.dateType(),
                LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS), LogicalTypeAnnotation.stringType());
    }

    @Test
    void writesRowGroupsToTheStreamAsRowsArriveAndLeavesItOpen() throws IOException {
        List<Column> columns = List.of(new Column("id", ColumnType.INTEGER), new Column("text", ColumnType.TEXT));
        CountingStream out = new CountingStream(Files.newOutputStream(directory.resolve("big.parquet")));
        List<Long> bytesSeen = new ArrayList<>();

        ParquetTableWriter writer = new ParquetTableWriter(out, columns);
        for (long id = 1; id <= 400_000; id++) {
            writer.accept(values(id, "text of row " + id + " " + Long.toHexString(id * 0x9E3779B97F4A7C15L)));
            if (id % 100_000 == 0) {
                bytesSeen.add(out.count);
            }
        }
        writer.close();

        // Four times 100,000 rows of about 50 bytes: row groups of 8 MiB must have left before the end.
        assertThat(bytesSeen.get(3)).isGreaterThan(ParquetTableWriter.ROW_GROUP_BYTES / 2);
        assertThat(out.closed).isFalse();
        out.close();
        assertThat(ParquetFiles.rows(directory.resolve("big.parquet"), columns)).hasSize(400_000).last()
                .isEqualTo(values(400_000L, "text of row 400000 " + Long.toHexString(400_000L * 0x9E3779B97F4A7C15L)));
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;
        boolean closed;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
