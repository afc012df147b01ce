package org.zonelake.raw.local;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new file written past the page cache where the file system allows it. Through the page cache, every byte of a
 * large object costs a kernel copy into cache pages and later their write-back, about half the CPU of hashing it; and
 * the pages evict data that readers want. So large block-aligned runs go through a second channel opened with
 * {@link ExtendedOpenOption#DIRECT} (O_DIRECT), which moves them from an aligned buffer to the device; small files,
 * the unaligned tail of an object and file systems that refuse O_DIRECT (tmpfs, some network file systems) go
 * through the page cache as usual. {@link #sync()} is an fdatasync of the file, whichever channel wrote the bytes.
 */
final class FileSegmentSink implements SegmentSink {
    private static final Logger LOG = LoggerFactory.getLogger(FileSegmentSink.class);
    /** Below this a write goes through the page cache: a direct channel pays off only for large objects. */
    static final int DIRECT_MIN_BYTES = 256 << 10;
    /** Aligned buffers of one size, reused across files: a large put needs one per open segment. */
    private static final int STAGING_BYTES = SegmentWriter.BUFFER_BYTES;
    private static final int POOLED_STAGING_BUFFERS = 4;
    private static final Queue<ByteBuffer> STAGING = new ConcurrentLinkedQueue<>();

    private final Path file;
    private final FileChannel cached;
    private FileChannel direct;
    private boolean directRefused;
    private long blockSize;
    private ByteBuffer staging;
    private long position;

    private FileSegmentSink(Path file, FileChannel cached) {
        this.file = file;
        this.cached = cached;
    }

    static SegmentSink create(Path file) throws IOException {
        return new FileSegmentSink(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    @Override
    public void write(ByteBuffer buffer) throws IOException {
        int directBytes = directBytes(buffer.remaining());
        if (directBytes > 0) {
            writeDirect(buffer.slice(buffer.position(), directBytes));
            buffer.position(buffer.position() + directBytes);
        }
        while (buffer.hasRemaining()) {
            position += cached.write(buffer, position);
        }
    }

    /** How many of the next bytes go to the direct channel: whole blocks starting at a block boundary, or none. */
    private int directBytes(int length) {
        if (length < DIRECT_MIN_BYTES || !directAvailable() || position % blockSize != 0) {
            return 0;
        }
        return (int) (length - length % blockSize);
    }

    private boolean directAvailable() {
        if (direct == null && !directRefused) {
            try {
                blockSize = Files.getFileStore(file).getBlockSize();
                if (blockSize <= 0 || blockSize > DIRECT_MIN_BYTES) {
                    throw new UnsupportedOperationException("unusual block size " + blockSize);
                }
                direct = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
            } catch (IOException | UnsupportedOperationException e) {
                LOG.debug("Writing {} through the page cache: the file system refuses direct writes ({})", file, e.toString());
                directRefused = true;
            }
        }
        return direct != null;
    }

    /** Copies the run into the aligned staging buffer, a part at a time, and writes it at the current position. */
    private void writeDirect(ByteBuffer run) throws IOException {
        ByteBuffer aligned = staging();
        while (run.hasRemaining()) {
            int part = Math.min(run.remaining(), aligned.capacity());
            aligned.clear().put(run.slice(run.position(), part)).flip();
            run.position(run.position() + part);
            while (aligned.hasRemaining()) {
                position += direct.write(aligned, position);
            }
        }
    }

    /** A buffer aligned to the block size, whose capacity is a whole number of blocks. */
    private ByteBuffer staging() {
        if (staging == null) {
            int block = (int) blockSize;
            ByteBuffer pooled = STAGING.poll();
            if (pooled != null && pooled.alignmentOffset(0, block) == 0 && pooled.capacity() % block == 0) {
                staging = pooled;
            } else {
                int capacity = Math.max(block, STAGING_BYTES - STAGING_BYTES % block);
                staging = ByteBuffer.allocateDirect(capacity + block).alignedSlice(block).slice(0, capacity);
            }
        }
        return staging;
    }

    /** Once large writes go direct, only a tail is left for the page cache. */
    @Override
    public boolean cachesWrites() {
        return direct == null;
    }

    @Override
    public void sync() throws IOException {
        // fdatasync acts on the file, so it also makes the direct writes' size and allocation durable.
        cached.force(false);
    }

    @Override
    public void close() throws IOException {
        try (cached) {
            if (direct != null) {
                direct.close();
            }
        } finally {
            releaseStaging();
        }
    }

    private void releaseStaging() {
        if (staging != null && STAGING.size() < POOLED_STAGING_BUFFERS) {
            STAGING.offer(staging);
        }
        staging = null;
    }
}
