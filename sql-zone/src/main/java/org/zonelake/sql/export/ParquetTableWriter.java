package org.zonelake.sql.export;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.zonelake.core.gold.sql.Column;

/**
 * A Parquet file written to a stream as rows arrive (types: {@link RowWriteSupport}), Snappy-compressed. Memory
 * stays bounded by one row group ({@link #ROW_GROUP_BYTES}): each is written out once full, and
 * {@link #close()} writes the last one and the footer.
 */
public final class ParquetTableWriter implements TableWriter {
    /** Rows buffered before a row group is written; small enough for many exports at once, large enough to compress well. */
    public static final long ROW_GROUP_BYTES = 8L << 20;

    private final ParquetWriter<List<Object>> writer;

    public ParquetTableWriter(OutputStream stream, List<Column> columns) throws IOException {
        requireNonNull(stream, "stream is null");
        this.writer = new Builder(new StreamOutputFile(stream), new RowWriteSupport(columns))
                // Plain settings: no Hadoop configuration files are looked for.
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .build();
    }

    @Override
    public void accept(List<Object> row) throws IOException {
        writer.write(row);
    }

    /** Writes the last row group and the footer; the stream stays open. */
    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<List<Object>, Builder> {
        private final RowWriteSupport writeSupport;

        Builder(OutputFile file, RowWriteSupport writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder self() {
            return this;
        }

        // Still abstract in Parquet 1.15, though deprecated for the ParquetConfiguration variant below.
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<List<Object>> getWriteSupport(Configuration configuration) {
            return writeSupport;
        }

        @Override
        protected WriteSupport<List<Object>> getWriteSupport(ParquetConfiguration configuration) {
            return writeSupport;
        }
    }
}
