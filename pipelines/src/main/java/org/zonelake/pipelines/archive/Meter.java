package org.zonelake.pipelines.archive;

import static java.util.Objects.requireNonNull;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Counts what an archive unpacks to while its entries stream, and stops the stream at the first limit passed: the
 * total unpacked bytes, the ratio of an entry to its compressed size (zip), and of the whole to the archive bytes
 * read. The first limit passed is kept, for when the reader of a stream reports its exception as something else.
 */
final class Meter {
    private final ArchiveConfig limits;
    private final ArchiveEntries archive;
    private long total;
    private String entry;
    private long entryBytes;
    private long entryCompressed;
    private ArchiveRejectedException violation;

    Meter(ArchiveConfig limits, ArchiveEntries archive) {
        this.limits = requireNonNull(limits, "limits is null");
        this.archive = requireNonNull(archive, "archive is null");
    }

    /** The content of the entry {@code name}, counted against the limits. */
    InputStream meter(String name, long compressedSize, InputStream content) {
        entry = name;
        entryBytes = 0;
        entryCompressed = compressedSize;
        return new Metered(content);
    }

    /** The first limit passed, or null. */
    ArchiveRejectedException violation() {
        return violation;
    }

    long total() {
        return total;
    }

    private void add(long bytes) throws ArchiveRejectedException {
        total += bytes;
        entryBytes += bytes;
        if (violation == null) {
            violation = check();
        }
        if (violation != null) {
            throw violation;
        }
    }

    private ArchiveRejectedException check() {
        long ratio = limits.maxCompressionRatio();
        if (total > limits.maxTotalBytes()) {
            return rejected("the archive unpacks to more than %s, the limit (%s)", size(limits.maxTotalBytes()),
                    ArchiveConfig.variable(ArchiveConfig.MAX_TOTAL_BYTES));
        }
        boolean pastGrace = entryBytes > ArchiveConfig.RATIO_GRACE_BYTES;
        if (entryCompressed >= 0 && pastGrace && entryBytes > ratio * Math.max(entryCompressed, 1)) {
            return rejected("entry '%s' unpacks to more than %d times its compressed size of %s, the limit (%s)", entry, ratio,
                    size(entryCompressed), ArchiveConfig.variable(ArchiveConfig.MAX_COMPRESSION_RATIO));
        }
        long read = Math.max(archive.compressedBytesRead(), 1);
        if (total > ArchiveConfig.RATIO_GRACE_BYTES && total > ratio * read) {
            return rejected("the archive unpacks to more than %d times the %s read of it, the limit (%s)", ratio, size(read),
                    ArchiveConfig.variable(ArchiveConfig.MAX_COMPRESSION_RATIO));
        }
        return null;
    }

    private static ArchiveRejectedException rejected(String format, Object... arguments) {
        return new ArchiveRejectedException(String.format(Locale.ROOT, format, arguments));
    }

    /** A byte count as people write it: {@code 10 GiB}, {@code 3 MiB}, {@code 5,120 bytes}. */
    static String size(long bytes) {
        String[] units = {"GiB", "MiB", "KiB"};
        int[] shifts = {30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= 1L << shifts[i] && bytes % (1L << shifts[i]) == 0) {
                return (bytes >> shifts[i]) + " " + units[i];
            }
        }
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    private final class Metered extends FilterInputStream {
        Metered(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        // Skipped bytes are unpacked all the same: read them, so they count.
        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
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
    }
}
