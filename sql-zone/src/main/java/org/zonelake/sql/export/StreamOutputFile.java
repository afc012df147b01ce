package org.zonelake.sql.export;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** A Parquet output "file" that is a stream the caller owns: written once, front to back, never closed here. */
final class StreamOutputFile implements OutputFile {
    private final OutputStream stream;

    StreamOutputFile(OutputStream stream) {
        this.stream = requireNonNull(stream, "stream is null");
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        return new CountingStream(stream);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return "stream";
    }

    /** Counts the bytes written, the position Parquet's footer refers to. */
    private static final class CountingStream extends PositionOutputStream {
        private final OutputStream stream;
        private long position;

        CountingStream(OutputStream stream) {
            this.stream = stream;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            stream.write(b);
            position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            stream.write(bytes, offset, length);
            position += length;
        }

        @Override
        public void flush() throws IOException {
            stream.flush();
        }

        /** Parquet closes its stream when the file is complete; the caller's stream stays open. */
        @Override
        public void close() throws IOException {
            stream.flush();
        }
    }
}
