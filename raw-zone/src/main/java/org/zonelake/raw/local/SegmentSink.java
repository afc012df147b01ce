package org.zonelake.raw.local;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Where the bytes of one new file go: the single seam between the store and the disk for writes, so that
 * tests can make the disk fail (for example fill up) after a chosen number of bytes.
 */
interface SegmentSink extends Closeable {
    /** Writes every remaining byte of the buffer. */
    void write(ByteBuffer buffer) throws IOException;

    /** Forces the written bytes (and the file size) to the device. May run while another thread writes. */
    void sync() throws IOException;

    /** Whether written bytes wait in the page cache, where syncing them early, behind the writes, gets the disk going. */
    default boolean cachesWrites() {
        return true;
    }

    /** Opens sinks on new files. */
    @FunctionalInterface
    interface Factory {
        SegmentSink create(Path file) throws IOException;
    }

    /** Sinks on the local file system, writing large objects past the page cache where possible ({@link FileSegmentSink}). */
    static Factory fileChannels() {
        return FileSegmentSink::create;
    }
}
