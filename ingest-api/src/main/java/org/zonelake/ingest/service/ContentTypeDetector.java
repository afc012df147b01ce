package org.zonelake.ingest.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Detects a content type from the first bytes and the file name with Apache Tika, never from the client's
 * declared type alone. Reads at most {@link #PEEK_BYTES} ahead, then resets, so the bytes still stream on.
 */
public final class ContentTypeDetector {
    public static final int PEEK_BYTES = 64 * 1024;

    private final Tika tika = new Tika();

    /** Wraps the stream so that it can be detected and then read from the start. */
    public static BufferedInputStream peekable(InputStream in) {
        return new BufferedInputStream(in, PEEK_BYTES + 1);
    }

    /** The detected type of a stream from {@link #peekable}; the stream is left at its start. */
    public String detect(BufferedInputStream content, String fileName) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, ObjectNames.safeFileName(fileName));
        try {
            content.mark(PEEK_BYTES);
            MediaType type = tika.getDetector().detect(new PeekWindow(content, PEEK_BYTES), metadata);
            content.reset();
            return type.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets the detector read at most {@code limit} bytes and never close the underlying stream. */
    private static final class PeekWindow extends InputStream {
        private final InputStream in;
        private int remaining;

        PeekWindow(InputStream in, int limit) {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        // Tika's detectors mark and reset their input; the buffered stream underneath holds the whole window.
        private int remainingAtMark;

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public void mark(int readLimit) {
            in.mark(PEEK_BYTES);
            remainingAtMark = remaining;
        }

        @Override
        public void reset() throws IOException {
            in.reset();
            remaining = remainingAtMark;
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
