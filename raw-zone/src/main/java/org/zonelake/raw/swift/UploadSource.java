package org.zonelake.raw.swift;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import okio.BufferedSink;

/**
 * The caller's stream, read once through one fixed buffer. Bytes are hashed (SHA-256 of the whole object, MD5 of each
 * piece sent) as they are handed on, and a failure of the stream is kept apart from failures of Swift: it surfaces as
 * {@link SourceFailure}, so that it can pass through OkHttp and be told apart afterwards.
 */
final class UploadSource {
    static final int BUFFER_BYTES = 64 << 10;

    private final InputStream in;
    private final MessageDigest sha256 = digest("SHA-256");
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean ended;
    private long size;
    private String sha256Hex;
    private volatile Throwable failure;

    /** The caller's stream failed; {@link #rethrowFailure()} throws what it threw. */
    static final class SourceFailure extends IOException {
        SourceFailure(Throwable cause) {
            super("the stream being stored failed", cause);
        }
    }

    UploadSource(InputStream in) {
        this.in = in;
    }

    /** Reads ahead into the buffer; true if the whole stream is there and it holds at most {@code atMost} bytes. */
    boolean bufferedToEnd(long atMost) throws SourceFailure {
        while (!ended && limit <= atMost && limit < buffer.length) {
            int read = read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                ended = true;
            } else {
                limit += read;
            }
        }
        return ended && limit - position <= atMost;
    }

    /** Hands over everything buffered (the whole rest of the stream, after {@link #bufferedToEnd} said so). */
    byte[] takeBuffered() {
        byte[] rest = Arrays.copyOfRange(buffer, position, limit);
        consumed(buffer, position, rest.length, null);
        position = limit;
        return rest;
    }

    /** Whether bytes are left, reading ahead if need be. */
    boolean hasMore() throws SourceFailure {
        return position < limit || refill();
    }

    /** Writes up to {@code max} bytes to the sink, adding them to {@code md5}; returns how many. */
    long transferTo(BufferedSink sink, long max, MessageDigest md5) throws IOException {
        long written = 0;
        while (written < max && hasMore()) {
            int count = (int) Math.min(limit - position, max - written);
            sink.write(buffer, position, count);
            consumed(buffer, position, count, md5);
            position += count;
            written += count;
        }
        return written;
    }

    long size() {
        return size;
    }

    /** The SHA-256 of everything handed over; call once the stream is exhausted. */
    String sha256Hex() {
        if (sha256Hex == null) {
            sha256Hex = HexFormat.of().formatHex(sha256.digest());
        }
        return sha256Hex;
    }

    boolean failed() {
        return failure != null;
    }

    /** Throws the stream's own failure: unchecked ones unchanged, an IOException wrapped in UncheckedIOException. */
    RuntimeException rethrowFailure() {
        Throwable cause = failure;
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new UncheckedIOException((IOException) cause);
    }

    private boolean refill() throws SourceFailure {
        position = 0;
        limit = 0;
        while (!ended && limit == 0) {
            int read = read(buffer, 0, buffer.length);
            if (read < 0) {
                ended = true;
            } else {
                limit = read;
            }
        }
        return limit > 0;
    }

    private int read(byte[] target, int offset, int length) throws SourceFailure {
        try {
            return in.read(target, offset, length);
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            throw new SourceFailure(e);
        }
    }

    private void consumed(byte[] bytes, int offset, int length, MessageDigest md5) {
        sha256.update(bytes, offset, length);
        if (md5 != null) {
            md5.update(bytes, offset, length);
        }
        size += length;
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}
