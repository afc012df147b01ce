package org.zonelake.ingest.objects;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.raw.ByteRange;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.core.raw.StoredBlob;

/** The real raw zone, but a put can be made to run out of space after some bytes, as a full disk would. */
final class FailingObjectStore implements ObjectStore {
    private final ObjectStore delegate;
    private volatile long fullAfterBytes = -1;

    FailingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    /** From now on every put fails with STORAGE_FULL once it has written {@code bytes}; -1 to stop failing. */
    void fullAfter(long bytes) {
        this.fullAfterBytes = bytes;
    }

    @Override
    public StoredBlob put(ObjectKey key, InputStream content) {
        long limit = fullAfterBytes;
        return delegate.put(key, limit < 0 ? content : new RunsOutOfSpace(content, limit));
    }

    @Override
    public InputStream open(ObjectKey key, ByteRange range) {
        return delegate.open(key, range);
    }

    @Override
    public Optional<StoredBlob> stat(ObjectKey key) {
        return delegate.stat(key);
    }

    @Override
    public boolean delete(ObjectKey key) {
        return delegate.delete(key);
    }

    @Override
    public Stream<StoredBlob> list(String project) {
        return delegate.list(project);
    }

    private static final class RunsOutOfSpace extends FilterInputStream {
        private final long limit;
        private long count;

        RunsOutOfSpace(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (count >= limit) {
                throw new LakeException(ErrorCode.STORAGE_FULL, "No space left on the raw zone's device");
            }
            int n = in.read(buffer, offset, (int) Math.min(length, limit - count));
            count += Math.max(n, 0);
            return n;
        }
    }
}
