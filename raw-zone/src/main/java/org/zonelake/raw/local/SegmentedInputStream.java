package org.zonelake.raw.local;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;

/**
 * Reads {@code [first, end)} of one object version, opening one segment at a time as the position reaches it.
 * Closing the stream releases the version.
 */
final class SegmentedInputStream extends InputStream {
    private final ObjectVersion version;
    private final long segmentBytes;
    private final long end;
    private long position;
    private SeekableByteChannel channel;
    private int channelSegment = -1;
    private boolean closed;

    SegmentedInputStream(ObjectVersion version, long first, long end) {
        this.version = requireNonNull(version, "version is null");
        this.segmentBytes = version.manifest().segmentBytes();
        this.position = first;
        this.end = end;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        ensureOpen();
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        SeekableByteChannel segment = segmentAtPosition();
        long leftInSegment = segmentBytes - position % segmentBytes;
        int wanted = (int) Math.min(length, Math.min(end - position, leftInSegment));
        int read = segment.read(ByteBuffer.wrap(buffer, offset, wanted));
        if (read < 0) {
            throw new EOFException("Segment " + channelSegment + " of " + version.manifest().name() + " ends early");
        }
        position += read;
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        ensureOpen();
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        if (channel != null && segmentOf(position) == channelSegment) {
            channel.position(position % segmentBytes);
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        ensureOpen();
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (version) {
            closeChannel();
        }
    }

    private SeekableByteChannel segmentAtPosition() throws IOException {
        int segment = segmentOf(position);
        if (segment != channelSegment) {
            closeChannel();
            channel = version.openSegment(segment);
            channelSegment = segment;
            channel.position(position % segmentBytes);
        }
        return channel;
    }

    private int segmentOf(long offset) {
        return Math.toIntExact(offset / segmentBytes);
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            SeekableByteChannel toClose = channel;
            channel = null;
            channelSegment = -1;
            toClose.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
    }
}
