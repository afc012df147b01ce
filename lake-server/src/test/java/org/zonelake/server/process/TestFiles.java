package org.zonelake.server.process;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Small real files for the process-zone tests: copies of the pipelines' fixtures under {@code process/}, images written
 * by javax.imageio, a JPEG with an EXIF segment built by hand as a camera writes it, and zips.
 */
final class TestFiles {
    private TestFiles() {}

    /** A file under {@code src/test/resources/process}. */
    static byte[] resource(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/process/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource process/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A PNG (or another ImageIO format) of {@code width} x {@code height} with a colour gradient. */
    static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color(x * 30 % 256, y * 40 % 256, 128).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG of 8 x 6 pixels whose APP1 segment carries EXIF: make {@code Zonelake}, model {@code Test Cam 1},
     * orientation 6, taken 2024-05-01 10:20:30 at +02:00, f/2.8, GPS 52°31'12"N 13°24'36"W at 34 m.
     */
    static byte[] jpegWithExif() {
        byte[] jpeg = image("jpeg", 8, 6);
        byte[] tiff = Exif.tiff();
        ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
        app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(app1.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
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

    /** The EXIF block of {@link #jpegWithExif()}: a big-endian TIFF with IFD0, the EXIF IFD and the GPS IFD. */
    private static final class Exif {
        private record Entry(int tag, int type, int count, byte[] value) {}

        static byte[] tiff() {
            List<Entry> exif = List.of(
                    new Entry(0x829D, 5, 1, rationals(28, 10)),
                    new Entry(0x9003, 2, 20, ascii("2024:05:01 10:20:30")),
                    new Entry(0x9011, 2, 7, ascii("+02:00")));
            List<Entry> gps = List.of(
                    new Entry(0x0001, 2, 2, ascii("N")),
                    new Entry(0x0002, 5, 3, rationals(52, 1, 31, 1, 12, 1)),
                    new Entry(0x0003, 2, 2, ascii("W")),
                    new Entry(0x0004, 5, 3, rationals(13, 1, 24, 1, 36, 1)),
                    new Entry(0x0005, 1, 1, new byte[] {0}),
                    new Entry(0x0006, 5, 1, rationals(34, 1)));
            List<Entry> ifd0WithoutPointers = List.of(
                    new Entry(0x010F, 2, 9, ascii("Zonelake")),
                    new Entry(0x0110, 2, 11, ascii("Test Cam 1")),
                    new Entry(0x0112, 3, 1, ByteBuffer.allocate(2).putShort((short) 6).array()));
            int exifOffset = 8 + size(ifd0WithoutPointers) + 2 * 12;
            int gpsOffset = exifOffset + size(exif);
            List<Entry> ifd0 = new ArrayList<>(ifd0WithoutPointers);
            ifd0.add(new Entry(0x8769, 4, 1, ByteBuffer.allocate(4).putInt(exifOffset).array()));
            ifd0.add(new Entry(0x8825, 4, 1, ByteBuffer.allocate(4).putInt(gpsOffset).array()));
            ByteBuffer tiff = ByteBuffer.allocate(gpsOffset + size(gps));
            tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
            write(tiff, ifd0, 8);
            write(tiff, exif, exifOffset);
            write(tiff, gps, gpsOffset);
            return tiff.array();
        }

        private static int size(List<Entry> ifd) {
            int data = ifd.stream().mapToInt(e -> e.value.length > 4 ? e.value.length + e.value.length % 2 : 0).sum();
            return 2 + 12 * ifd.size() + 4 + data;
        }

        /** An IFD at {@code offset}: its entries, then the values that do not fit in an entry. */
        private static void write(ByteBuffer tiff, List<Entry> ifd, int offset) {
            tiff.position(offset);
            tiff.putShort((short) ifd.size());
            int data = offset + 2 + 12 * ifd.size() + 4;
            for (Entry entry : ifd) {
                tiff.putShort((short) entry.tag).putShort((short) entry.type).putInt(entry.count);
                if (entry.value.length <= 4) {
                    tiff.put(entry.value).put(new byte[4 - entry.value.length]);
                } else {
                    tiff.putInt(data);
                    tiff.put(data, entry.value);
                    data += entry.value.length + entry.value.length % 2;
                }
            }
            tiff.putInt(0);
            tiff.position(data);
        }

        private static byte[] ascii(String text) {
            return (text + "\0").getBytes(StandardCharsets.US_ASCII);
        }

        private static byte[] rationals(int... numbersAndDenominators) {
            ByteBuffer buffer = ByteBuffer.allocate(4 * numbersAndDenominators.length);
            for (int n : numbersAndDenominators) {
                buffer.putInt(n);
            }
            return buffer.array();
        }
    }
}
