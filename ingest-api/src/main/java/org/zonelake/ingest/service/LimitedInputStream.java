package org.zonelake.ingest.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** Passes bytes through until a limit, then fails with {@code OBJECT_TOO_LARGE}: the store then discards the write. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw LakeException.of(ErrorCode.OBJECT_TOO_LARGE, "The object is larger than the limit of %d bytes", limit);
        }
    }
}
