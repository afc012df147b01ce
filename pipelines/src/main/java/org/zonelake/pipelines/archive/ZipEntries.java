package org.zonelake.pipelines.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** A zip's entries from its central directory, in the order they sit in the file, read by random access. */
final class ZipEntries implements ArchiveEntries {
    private final ZipFile zip;
    private final Enumeration<ZipArchiveEntry> entries;
    private ZipArchiveEntry current;
    private InputStream content;
    private long compressedBytes;

    ZipEntries(Path file) throws IOException {
        this.zip = ZipFile.builder().setPath(file).get();
        this.entries = zip.getEntriesInPhysicalOrder();
    }

    @Override
    public Entry next() throws IOException {
        closeContent();
        if (!entries.hasMoreElements()) {
            current = null;
            return null;
        }
        current = entries.nextElement();
        long compressed = Math.max(current.getCompressedSize(), 0);
        compressedBytes += compressed;
        return new Entry(current.getName(), kind(current), compressed);
    }

    @Override
    public InputStream content() throws IOException {
        if (!zip.canReadEntryData(current)) {
            throw new ArchiveRejectedException("entry '" + current.getName() + "' is encrypted or compressed with a method "
                    + "this pipeline cannot read (" + current.getMethod() + ")");
        }
        content = zip.getInputStream(current);
        return content;
    }

    @Override
    public long compressedBytesRead() {
        return compressedBytes;
    }

    @Override
    public void close() throws IOException {
        closeContent();
        zip.close();
    }

    private void closeContent() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    private static Kind kind(ZipArchiveEntry entry) {
        if (entry.isDirectory()) {
            return Kind.DIRECTORY;
        }
        return entry.isUnixSymlink() ? Kind.LINK : Kind.FILE;
    }
}
