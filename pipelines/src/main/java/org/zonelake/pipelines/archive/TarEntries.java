package org.zonelake.pipelines.archive;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A tar's entries, plain or inside gzip, streamed from the file; the only way to list a tar is to read through it.
 * A gzip holding no tar is one entry, named after the object without its {@code .gz}.
 */
final class TarEntries implements ArchiveEntries {
    private final CountingInputStream file;
    private final TarArchiveInputStream tar;
    private final InputStream single;
    private final String singleName;
    private boolean singleDone;

    private TarEntries(Path path, boolean gzip, boolean isTar, String singleName) throws IOException {
        this.file = new CountingInputStream(new BufferedInputStream(Files.newInputStream(path)));
        InputStream bytes = gzip ? new GzipCompressorInputStream(file, true) : file;
        this.tar = isTar ? new TarArchiveInputStream(bytes) : null;
        this.single = isTar ? null : bytes;
        this.singleName = singleName;
    }

    static TarEntries tar(Path path, boolean gzip) throws IOException {
        return new TarEntries(path, gzip, true, null);
    }

    /** A gzip of one file, named {@code name}. */
    static TarEntries gzipOf(Path path, String name) throws IOException {
        return new TarEntries(path, true, false, name);
    }

    @Override
    public Entry next() throws IOException {
        if (tar == null) {
            if (singleDone) {
                return null;
            }
            singleDone = true;
            return new Entry(singleName, Kind.FILE, -1);
        }
        TarArchiveEntry entry = tar.getNextEntry();
        return entry == null ? null : new Entry(entry.getName(), kind(entry), -1);
    }

    @Override
    public InputStream content() {
        return new FilterInputStream(tar != null ? tar : single) {
            @Override
            public void close() {
                // The archive stream stays open for the next entry.
            }
        };
    }

    @Override
    public long compressedBytesRead() {
        return file.count();
    }

    @Override
    public void close() throws IOException {
        (tar != null ? tar : single).close();
    }

    private static Kind kind(TarArchiveEntry entry) {
        if (entry.isDirectory()) {
            return Kind.DIRECTORY;
        }
        if (entry.isSymbolicLink() || entry.isLink()) {
            return Kind.LINK;
        }
        // isFile() holds for anything not a directory, devices and FIFOs included.
        boolean special = entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO();
        return entry.isFile() && !special ? Kind.FILE : Kind.OTHER;
    }

    /** Counts the bytes read from the archive file, for the compression ratio. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        long count() {
            return count;
        }
    }
}
