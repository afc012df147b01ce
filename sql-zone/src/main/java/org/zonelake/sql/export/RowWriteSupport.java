package org.zonelake.sql.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.zonelake.core.gold.sql.Column;

/**
 * Writes rows as Parquet records. Every column is optional (nullable): INTEGER is INT64, DECIMAL a 16-byte
 * DECIMAL(38, scale), DOUBLE DOUBLE, BOOLEAN BOOLEAN, DATE INT32 DATE, TIMESTAMP INT64 TIMESTAMP(MICROS, UTC),
 * TEXT a UTF-8 STRING: the types Spark and pandas read back as the same kinds of values.
 */
final class RowWriteSupport extends WriteSupport<List<Object>> {
    static final int DECIMAL_PRECISION = 38;
    static final int DECIMAL_BYTES = 16;

    private final List<Column> columns;
    private final MessageType schema;
    private RecordConsumer consumer;

    RowWriteSupport(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.schema = schemaOf(this.columns);
    }

    static MessageType schemaOf(List<Column> columns) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        columns.forEach(column -> message.addField(field(column)));
        return message.named("table");
    }

    private static Type field(Column column) {
        return switch (column.type()) {
            case INTEGER -> Types.optional(PrimitiveTypeName.INT64).named(column.name());
            case DECIMAL -> Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(DECIMAL_BYTES)
                    .as(LogicalTypeAnnotation.decimalType(column.scale(), DECIMAL_PRECISION)).named(column.name());
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(column.name());
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
            case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(column.name());
            case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(column.name());
            case TEXT -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column.name());
        };
    }

    // Still abstract in Parquet 1.15, though deprecated for the ParquetConfiguration variant below.
    @Override
    @SuppressWarnings("deprecation")
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(List<Object> row) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("Row has " + row.size() + " values, the table " + columns.size() + " columns");
        }
        consumer.startMessage();
        for (int i = 0; i < columns.size(); i++) {
            Object value = row.get(i);
            if (value != null) {
                Column column = columns.get(i);
                consumer.startField(column.name(), i);
                add(column, value);
                consumer.endField(column.name(), i);
            }
        }
        consumer.endMessage();
    }

    private void add(Column column, Object value) {
        switch (column.type()) {
            case INTEGER -> consumer.addLong(as(Long.class, column, value));
            case DECIMAL -> consumer.addBinary(Binary.fromConstantByteArray(decimalBytes(column, as(BigDecimal.class, column, value))));
            case DOUBLE -> consumer.addDouble(as(Double.class, column, value));
            case BOOLEAN -> consumer.addBoolean(as(Boolean.class, column, value));
            case DATE -> consumer.addInteger(Math.toIntExact(as(LocalDate.class, column, value).toEpochDay()));
            case TIMESTAMP -> consumer.addLong(micros(as(Instant.class, column, value)));
            case TEXT -> consumer.addBinary(Binary.fromString(as(String.class, column, value)));
        }
    }

    /** The unscaled value, big-endian two's complement, sign-extended to 16 bytes. */
    static byte[] decimalBytes(Column column, BigDecimal value) {
        byte[] unscaled = value.setScale(column.scale()).unscaledValue().toByteArray();
        if (unscaled.length > DECIMAL_BYTES) {
            throw new IllegalArgumentException("Column " + column.name() + " cannot hold " + value.toPlainString() + " in DECIMAL(38)");
        }
        byte[] bytes = new byte[DECIMAL_BYTES];
        Arrays.fill(bytes, 0, DECIMAL_BYTES - unscaled.length, unscaled[0] < 0 ? (byte) -1 : 0);
        System.arraycopy(unscaled, 0, bytes, DECIMAL_BYTES - unscaled.length, unscaled.length);
        return bytes;
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static <T> T as(Class<T> type, Column column, Object value) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("Column " + column.name() + " (" + column.type() + ") needs a " + type.getSimpleName()
                    + ", got " + value.getClass().getSimpleName());
        }
        return type.cast(value);
    }
}
