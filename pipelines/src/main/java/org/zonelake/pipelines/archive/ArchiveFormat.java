package org.zonelake.pipelines.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** The archive kinds the pipeline unpacks, told by their first bytes (not by name or declared type). */
enum ArchiveFormat {
    ZIP,
    TAR,
    TAR_GZ,
    GZIP;

    private static final int TAR_HEADER = 512;

    /** The format of the file, or empty if it is none of them. */
    static Optional<ArchiveFormat> detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(TAR_HEADER);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6)) {
            return Optional.of(ZIP);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return Optional.of(gzipHoldsTar(file) ? TAR_GZ : GZIP);
        }
        return TarArchiveInputStream.matches(head, head.length) ? Optional.of(TAR) : Optional.empty();
    }

    /** Opens the entries of {@code file}; a lone gzip's entry is named after {@code objectName} without {@code .gz}. */
    ArchiveEntries open(Path file, String objectName) throws IOException {
        return switch (this) {
            case ZIP -> new ZipEntries(file);
            case TAR -> TarEntries.tar(file, false);
            case TAR_GZ -> TarEntries.tar(file, true);
            case GZIP -> TarEntries.gzipOf(file, unzippedName(objectName));
        };
    }

    static String unzippedName(String objectName) {
        String base = objectName.substring(objectName.replace('\\', '/').lastIndexOf('/') + 1);
        String lower = base.toLowerCase(Locale.ROOT);
        String name = lower.endsWith(".gz") ? base.substring(0, base.length() - 3)
                : lower.endsWith(".gzip") ? base.substring(0, base.length() - 5) : base;
        return name.isBlank() || name.equals(".") || name.equals("..") ? "content" : name;
    }

    private static boolean gzipHoldsTar(Path file) {
        try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(file))) {
            byte[] head = in.readNBytes(TAR_HEADER);
            return TarArchiveInputStream.matches(head, head.length);
        } catch (IOException e) {
            return false; // A damaged gzip: reading it as one entry reports the damage.
        }
    }
}
