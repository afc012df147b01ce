package org.zonelake.raw.local;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the bytes of one new file go: the single seam between the store and the disk for writes, so that
 * tests can make the disk fail (for example fill up) after a chosen number of bytes.
 */
interface SegmentSink extends Closeable {
    /** Writes every remaining byte of the buffer. */
    void write(ByteBuffer buffer) throws IOException;

    /** Forces the written bytes (and the file size) to the device. */
    void sync() throws IOException;

    /** Opens sinks on new files. */
    @FunctionalInterface
    interface Factory {
        SegmentSink create(Path file) throws IOException;
    }

    /** Sinks writing through a {@link FileChannel}, which reuses a cached direct buffer for heap buffers. */
    static Factory fileChannels() {
        return file -> {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new SegmentSink() {
                @Override
                public void write(ByteBuffer buffer) throws IOException {
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }

                @Override
                public void sync() throws IOException {
                    // fdatasync: flushes the data and the size needed to read it back, skips the timestamps.
                    channel.force(false);
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        };
    }
}
