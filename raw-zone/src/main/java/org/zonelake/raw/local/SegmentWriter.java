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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Streams one object into a fresh directory as numbered segment files plus a manifest, all synced.
 * Memory use is one fixed buffer whatever the object's size.
 */
final class SegmentWriter {
    /** Large enough that system calls and per-call overhead vanish next to hashing and the disk. */
    static final int BUFFER_BYTES = 512 << 10;

    private final SegmentSink.Factory sinks;
    private final ExecutorService background;
    private final long segmentBytes;

    SegmentWriter(SegmentSink.Factory sinks, ExecutorService background, long segmentBytes) {
        this.sinks = requireNonNull(sinks, "sinks is null");
        this.background = requireNonNull(background, "background is null");
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException("segmentBytes must be positive, was " + segmentBytes);
        }
        this.segmentBytes = segmentBytes;
    }

    /**
     * Writes the content into the directory. An {@link IOException} is a storage failure; a failure of the
     * content stream surfaces as an {@link UncheckedIOException} (or its own unchecked exception), never as an
     * {@link IOException}, so the caller can tell the two apart.
     *
     * <p>Three stages overlap: while the caller's thread reads the next buffer from the stream, the previous
     * one is hashed and written on two background threads. SHA-256 cannot be split, so without the overlap an
     * upload would cost reading plus hashing plus writing; with it, about the slowest of the three.
     */
    Manifest write(String name, InputStream content, Path directory, Instant storedAt) throws IOException {
        MessageDigest digest = sha256();
        // At most one segment: smaller segments gain nothing from a larger buffer.
        int bufferBytes = (int) Math.min(BUFFER_BYTES, segmentBytes);
        byte[] reading = new byte[bufferBytes];
        byte[] spare = new byte[bufferBytes];
        long size = 0;
        try (Segments segments = new Segments(directory)) {
            Future<Void> hashing = null;
            Future<Void> writing = null;
            try {
                int read;
                while ((read = readFully(content, reading)) > 0) {
                    await(hashing);
                    await(writing);
                    hashing = inBackground(digest, reading, read);
                    writing = inBackground(segments, reading, read, size);
                    byte[] handedOver = reading;
                    reading = spare;
                    spare = handedOver;
                    size += read;
                }
                await(hashing);
                await(writing);
                hashing = null;
                writing = null;
            } finally {
                // On failure the writer must be done before the caller removes the directory.
                awaitQuietly(hashing);
                awaitQuietly(writing);
            }
            segments.finishCurrent();
        }
        Manifest manifest = new Manifest(name, size, HexFormat.of().formatHex(digest.digest()), segmentBytes,
                Manifest.segmentCount(size, segmentBytes), storedAt);
        writeManifest(manifest, directory);
        Directories.sync(directory);
        return manifest;
    }

    private Future<Void> inBackground(MessageDigest digest, byte[] buffer, int length) {
        return background.submit(() -> {
            digest.update(buffer, 0, length);
            return null;
        });
    }

    private Future<Void> inBackground(Segments segments, byte[] buffer, int length, long offset) {
        return background.submit(() -> {
            segments.write(buffer, length, offset);
            return null;
        });
    }

    /** Waits for a background step; its {@link IOException} is rethrown. A bounded wait, so interrupts are deferred. */
    private static void await(Future<Void> step) throws IOException {
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

    private static void awaitQuietly(Future<Void> step) {
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
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IOException(failure);
    }

    /** The segment files of one write; at most one is open, and it is closed whatever happens. */
    private final class Segments implements AutoCloseable {
        private final Path directory;
        private SegmentSink current;

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
                if (chunk == leftInSegment) {
                    finishCurrent();
                }
            }
        }

        /** Syncs and closes the open segment, if any. */
        void finishCurrent() throws IOException {
            if (current != null) {
                SegmentSink sink = current;
                current = null;
                try (sink) {
                    sink.sync();
                }
            }
        }

        /** Closes a segment left open by a failure; the failure that got us here is the one worth reporting. */
        @Override
        public void close() {
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
