package org.zonelake.pipelines.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** The entries of an archive, read in order, one at a time, never more than a buffer of one in memory. */
interface ArchiveEntries extends Closeable {
    enum Kind {
        FILE,
        DIRECTORY,
        LINK,
        OTHER
    }

    /**
     * One entry as the archive lists it.
     *
     * @param compressedSize bytes of the archive the entry's content takes, or -1 where entries are not compressed
     *                       one by one (a tar inside gzip)
     */
    record Entry(String name, Kind kind, long compressedSize) {}

    /** The next entry, or null after the last. */
    Entry next() throws IOException;

    /** The current entry's content, unpacked; read it before {@link #next()}. Closing it leaves the archive open. */
    InputStream content() throws IOException;

    /** Bytes of the archive file read so far (for a zip: the compressed sizes of the entries up to the current). */
    long compressedBytesRead();
}
