package org.zonelake.ingest.objects;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of the {@code file} part on their way to the raw zone. It counts them, and at the end of the part it
 * runs a check of the rest of the body before reporting the end: so the object is committed only if the whole
 * multipart body is right, and a body that breaks off or goes on with unexpected parts fails the write instead.
 *
 * <p>Closing does not drain the part: after a failure the rest of the body is not worth reading.
 */
final class FilePartStream extends FilterInputStream {
    /** Runs once, when the part has no more bytes; throws to fail the read. */
    interface EndCheck {
        void run() throws IOException;
    }

    private final EndCheck endCheck;
    private long count;
    private boolean ended;

    FilePartStream(InputStream part, EndCheck endCheck) {
        super(part);
        this.endCheck = endCheck;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        if (ended) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            end();
        } else {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            end();
        } else {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(discard, 0, (int) Math.min(discard.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // see the class comment
    }

    private void end() throws IOException {
        ended = true;
        endCheck.run();
    }
}
