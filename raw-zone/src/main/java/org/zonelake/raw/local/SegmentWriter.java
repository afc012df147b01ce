package org.zonelake.raw.local;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Streams one object into a fresh directory as numbered segment files plus a manifest, all synced.
 * Memory use is fixed whatever the object's size: up to {@link #PIPELINE_DEPTH} buffers here, and one aligned
 * buffer per open segment for direct writes ({@link FileSegmentSink}).
 */
final class SegmentWriter {
    /**
     * Large enough that system calls and hand-overs between threads vanish next to hashing, and that direct writes,
     * one at a time, keep the device busy: on the reference disk a put of 1 GiB reached about 850 MiB/s with 512 KiB
     * buffers and 1.1 GiB/s, the speed of hashing, with 2 MiB.
     */
    static final int BUFFER_BYTES = 2 << 20;
    /** The first read of a put: most objects are small, and a small object then allocates no more than this. */
    static final int FIRST_BUFFER_BYTES = 64 << 10;
    /** Buffers in flight per put: enough for the stages to run apart, few enough to keep memory small. */
    static final int PIPELINE_DEPTH = 4;
    /**
     * How many bytes of a segment are written before they are synced in the background. Small enough that the disk
     * starts early and the last sync of a segment is short; large enough that syncs (each a journal commit) stay few.
     */
    static final long WRITE_BEHIND_BYTES = 32L << 20;

    private final SegmentSink.Factory sinks;
    private final ExecutorService background;
    private final long segmentBytes;
    private final long writeBehindBytes;

    SegmentWriter(SegmentSink.Factory sinks, ExecutorService background, long segmentBytes, long writeBehindBytes) {
        this.sinks = requireNonNull(sinks, "sinks is null");
        this.background = requireNonNull(background, "background is null");
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException("segmentBytes must be positive, was " + segmentBytes);
        }
        if (writeBehindBytes <= 0) {
            throw new IllegalArgumentException("writeBehindBytes must be positive, was " + writeBehindBytes);
        }
        this.segmentBytes = segmentBytes;
        this.writeBehindBytes = writeBehindBytes;
    }

    /**
     * Writes the content into the directory. An {@link IOException} is a storage failure; a failure of the
     * content stream surfaces as an {@link UncheckedIOException} (or its own unchecked exception), never as an
     * {@link IOException}, so the caller can tell the two apart.
     *
     * <p>Three stages overlap: while the caller's thread reads the next buffer from the stream, earlier ones are
     * hashed and written in the background (see {@link Pipeline}). SHA-256 cannot be split, so without the overlap
     * an upload would cost reading plus hashing plus writing; with it, about the slowest of the three.
     */
    Manifest write(String name, InputStream content, Path directory, Instant storedAt) throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        try (Segments segments = new Segments(directory)) {
            Pipeline pipeline = new Pipeline(digest, segments);
            try {
                for (int index = 0; ; index++) {
                    byte[] buffer = pipeline.free(index);
                    int read = readFully(content, buffer);
                    if (read > 0) {
                        pipeline.hashAndWrite(index, read, size);
                        size += read;
                    }
                    if (read < buffer.length) {
                        break;
                    }
                }
                pipeline.drain();
            } finally {
                // On failure the writer must be done before the caller removes the directory.
                pipeline.drainQuietly();
            }
            segments.finish();
        }
        Manifest manifest = new Manifest(name, size, HexFormat.of().formatHex(digest.digest()), segmentBytes,
                Manifest.segmentCount(size, segmentBytes), storedAt);
        writeManifest(manifest, directory);
        Directories.sync(directory);
        return manifest;
    }

    /**
     * Up to {@link #PIPELINE_DEPTH} buffers in flight. Each filled buffer is hashed and written by two chains of
     * background steps, each chain in order; a buffer is read into again once both its steps are done. With more than
     * two buffers the stages run apart: a slow read, a pause of the disk or a late thread does not stall the other
     * stages, whose average speed alone then counts. Buffers are allocated as they are needed, the first one small,
     * so a small object takes one small buffer.
     */
    private final class Pipeline {
        private final MessageDigest digest;
        private final Segments segments;
        private final int bufferBytes;
        private final byte[][] buffers = new byte[PIPELINE_DEPTH][];
        /** Per buffer, the last hashing and writing steps that used it. */
        private final CompletableFuture<?>[] hashed = new CompletableFuture<?>[PIPELINE_DEPTH];
        private final CompletableFuture<?>[] written = new CompletableFuture<?>[PIPELINE_DEPTH];
        private CompletableFuture<Void> hashing = CompletableFuture.completedFuture(null);
        private CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);

        Pipeline(MessageDigest digest, Segments segments) {
            this.digest = digest;
            this.segments = segments;
            // At most one segment: smaller segments gain nothing from a larger buffer.
            this.bufferBytes = (int) Math.min(BUFFER_BYTES, segmentBytes);
        }

        /** The buffer for the {@code index}-th read, once the steps that used it before are done. */
        byte[] free(int index) throws IOException {
            int slot = index % PIPELINE_DEPTH;
            await(hashed[slot]);
            await(written[slot]);
            int size = index == 0 ? Math.min(FIRST_BUFFER_BYTES, bufferBytes) : bufferBytes;
            if (buffers[slot] == null || buffers[slot].length < size) {
                buffers[slot] = new byte[size];
            }
            return buffers[slot];
        }

        /** Hashes and writes the first {@code length} bytes of the {@code index}-th buffer, at object offset {@code offset}. */
        void hashAndWrite(int index, int length, long offset) {
            int slot = index % PIPELINE_DEPTH;
            byte[] buffer = buffers[slot];
            hashing = hashing.thenRunAsync(() -> digest.update(buffer, 0, length), background);
            writing = writing.thenRunAsync(() -> {
                try {
                    segments.write(buffer, length, offset);
                } catch (IOException e) {
                    throw new StorageFailure(e);
                }
            }, background);
            hashed[slot] = hashing;
            written[slot] = writing;
        }

        /** Waits until every buffer is hashed and written. A failed step fails the steps after it in its chain. */
        void drain() throws IOException {
            await(hashing);
            await(writing);
        }

        void drainQuietly() {
            awaitQuietly(hashing);
            awaitQuietly(writing);
        }
    }

    /** An {@link IOException} of the disk on its way out of a background step, told apart from the stream's own. */
    private static final class StorageFailure extends RuntimeException {
        StorageFailure(IOException cause) {
            super(cause);
        }
    }

    /** Waits for a background step; its {@link IOException} is rethrown. A bounded wait, so interrupts are deferred. */
    private static void await(Future<?> step) throws IOException {
        if (step == null) {
            return;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    step.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitQuietly(Future<?> step) {
        try {
            await(step);
        } catch (IOException | RuntimeException e) {
            // A failure is already on its way up.
        }
    }

    private static IOException rethrown(Throwable failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof StorageFailure storage) {
            return (IOException) storage.getCause();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IOException(failure);
    }

    /**
     * The segment files of one write, synced behind the writes. Every {@code writeBehindBytes} written through the page
     * cache, the open segment is synced in the background while the next bytes are written, and a complete segment gets
     * its last sync and is closed in the background. So the disk works while the stream is still being read and hashed,
     * instead of the upload stopping for one full sync per segment. {@link #finish} waits for every sync: no manifest
     * exists before all segments are durable. At most two segments are open: the one being written and the previous
     * one being finished.
     */
    private final class Segments implements AutoCloseable {
        private final Path directory;
        private SegmentSink current;
        /** Bytes written to the current segment since its last early sync started. */
        private long unsynced;
        /** The early sync of the current segment in progress, or null. */
        private Future<Void> syncing;
        /** The last sync and close of the previous segment, or null. */
        private Future<Void> finishing;

        Segments(Path directory) {
            this.directory = directory;
        }

        /** Writes {@code buffer[0, length)}, which starts at object offset {@code offset}. */
        void write(byte[] buffer, int length, long offset) throws IOException {
            int done = 0;
            while (done < length) {
                long position = offset + done;
                if (current == null) {
                    current = sinks.create(directory.resolve(Manifest.segmentFileName(Math.toIntExact(position / segmentBytes))));
                }
                long leftInSegment = segmentBytes - position % segmentBytes;
                int chunk = (int) Math.min(length - done, leftInSegment);
                current.write(ByteBuffer.wrap(buffer, done, chunk));
                done += chunk;
                unsynced += chunk;
                if (chunk == leftInSegment) {
                    finishCurrent();
                } else if (unsynced >= writeBehindBytes) {
                    syncBehind();
                }
            }
        }

        /** Starts an early sync of the current segment unless one still runs (then the disk is the bottleneck anyway). */
        private void syncBehind() throws IOException {
            if (!current.cachesWrites()) {
                unsynced = 0;
                return;
            }
            if (syncing != null && !syncing.isDone()) {
                return;
            }
            await(syncing);
            SegmentSink sink = current;
            syncing = background.submit(() -> {
                sink.sync();
                return null;
            });
            unsynced = 0;
        }

        /** Hands the current segment, if any, to the background for its last sync and close. */
        private void finishCurrent() throws IOException {
            if (current == null) {
                return;
            }
            // One segment finishing at a time bounds the open files and the bytes not yet durable.
            await(finishing);
            SegmentSink sink = current;
            Future<Void> earlySync = syncing;
            current = null;
            syncing = null;
            unsynced = 0;
            finishing = background.submit(() -> {
                try (sink) {
                    await(earlySync);
                    sink.sync();
                }
                return null;
            });
        }

        /** Syncs and closes the last segment and waits until every segment is durable. */
        void finish() throws IOException {
            finishCurrent();
            await(finishing);
            finishing = null;
        }

        /**
         * After a failure: waits for the syncs in progress and closes the open segment, so that the caller can remove
         * the directory. The failure that got us here is the one worth reporting.
         */
        @Override
        public void close() {
            awaitQuietly(syncing);
            awaitQuietly(finishing);
            syncing = null;
            finishing = null;
            if (current != null) {
                try {
                    current.close();
                } catch (IOException | RuntimeException e) {
                    // Already failing.
                } finally {
                    current = null;
                }
            }
        }
    }

    private void writeManifest(Manifest manifest, Path directory) throws IOException {
        try (SegmentSink sink = sinks.create(directory.resolve(Manifest.FILE_NAME))) {
            sink.write(ByteBuffer.wrap(manifest.toBytes()));
            sink.sync();
        }
    }

    /** Fills the buffer unless the stream ends first; returns the bytes read, 0 at the end. */
    private static int readFully(InputStream content, byte[] buffer) {
        try {
            return content.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
