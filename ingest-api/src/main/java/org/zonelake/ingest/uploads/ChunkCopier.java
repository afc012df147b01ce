package org.zonelake.ingest.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Streams one PATCH body into the staging file. A failing read is the client going away: what arrived until then is
 * kept and reported, because it is what lets the client resume. A failing write is the server's disk.
 */
final class ChunkCopier {
    static final int BUFFER_BYTES = 512 * 1024;

    private ChunkCopier() {}

    /**
     * What one copy did.
     *
     * @param bytes bytes written to the file
     * @param clientFailure the read failure that ended the body early, or {@code null}
     * @param overflow whether the body held more than the limit (nothing beyond it was written)
     */
    record Copied(long bytes, IOException clientFailure, boolean overflow) {}

    /** Copies at most {@code limit} bytes of the body to the channel's position, then syncs them to disk. */
    static Copied copy(InputStream body, FileChannel file, long limit) throws IOException {
        byte[] buffer = new byte[(int) Math.min(BUFFER_BYTES, Math.max(limit, 1))];
        long written = 0;
        IOException clientFailure = null;
        boolean overflow = false;
        while (true) {
            int n;
            try {
                n = written < limit ? body.read(buffer, 0, (int) Math.min(buffer.length, limit - written)) : body.read();
            } catch (IOException e) {
                clientFailure = e;
                break;
            }
            if (n < 0) {
                break;
            }
            if (written >= limit) {
                overflow = true;
                break;
            }
            writeFully(file, ByteBuffer.wrap(buffer, 0, n));
            written += n;
        }
        file.force(false);
        return new Copied(written, clientFailure, overflow);
    }

    private static void writeFully(FileChannel file, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            file.write(bytes);
        }
    }
}
