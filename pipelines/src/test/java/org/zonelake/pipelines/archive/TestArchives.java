package org.zonelake.pipelines.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Archives built in memory for tests. Entry names are written as given, unsafe ones too; a name ending in / is a
 * directory, a value starting with "-> " a symbolic link (tar) to the rest.
 */
final class TestArchives {
    private TestArchives() {}

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                String value = new String(entry.getValue(), StandardCharsets.UTF_8);
                boolean link = value.startsWith("-> ");
                boolean file = !link && !entry.getKey().endsWith("/");
                TarArchiveEntry header;
                if (link) {
                    header = new TarArchiveEntry(entry.getKey(), TarConstants.LF_SYMLINK, true);
                    header.setLinkName(value.substring(3));
                } else {
                    header = new TarArchiveEntry(entry.getKey(), true);
                    header.setSize(file ? entry.getValue().length : 0);
                }
                tar.putArchiveEntry(header);
                if (file) {
                    tar.write(entry.getValue());
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GzipCompressorOutputStream(bytes)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }
}
