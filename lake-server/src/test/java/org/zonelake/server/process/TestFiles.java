package org.zonelake.server.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.zonelake.pipelines.image.TestImages;

/**
 * Small real files for the process-zone tests: the pipelines' own fixtures (from their test-jar), images written by
 * javax.imageio and a JPEG with a hand-built EXIF segment ({@link TestImages}), and zips.
 */
final class TestFiles {
    /** Where the pipelines keep their fixtures, by kind. */
    private static final List<String> FIXTURE_DIRECTORIES = List.of("tabular", "sqldump", "timeseries", "graph");

    private TestFiles() {}

    /** A fixture file of the pipelines module, by name. */
    static byte[] resource(String name) {
        for (String directory : FIXTURE_DIRECTORIES) {
            try (InputStream in = TestFiles.class.getResourceAsStream("/" + directory + "/" + name)) {
                if (in != null) {
                    return in.readAllBytes();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("No pipelines test fixture " + name + " in " + FIXTURE_DIRECTORIES);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A PNG (or another ImageIO format) of {@code width} x {@code height} with a colour gradient. */
    static byte[] image(String format, int width, int height) {
        try {
            return TestImages.encoded(format, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG of 8 x 6 pixels whose APP1 segment carries EXIF: make {@code Zonelake}, model {@code Test Cam 1},
     * orientation 6, taken 2024-05-01 10:20:30 at +02:00, f/2.8, GPS 52°31'12"N 13°24'36"W at 34 m.
     */
    static byte[] jpegWithExif() {
        try {
            return TestImages.jpegWithExif();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of the entries in order, deflated. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> entries(Object... namesAndContents) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndContents.length; i += 2) {
            entries.put((String) namesAndContents[i], (byte[]) namesAndContents[i + 1]);
        }
        return entries;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
