package org.zonelake.pipelines.image;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Small real images for tests: written by javax.imageio, and a JPEG with an EXIF segment built by hand (camera,
 * orientation, date taken with offset, f-number, GPS position and altitude), as a camera writes it.
 */
public final class TestImages {
    private TestImages() {}

    /** An image of {@code width} x {@code height} in an ImageIO format: png, jpeg, gif, bmp, tiff. */
    public static byte[] encoded(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color(x * 30 % 256, y * 40 % 256, 128).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IllegalStateException("No ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    /** A JPEG of 8 x 6 pixels whose APP1 segment carries EXIF with camera, date, exposure and GPS tags. */
    public static byte[] jpegWithExif() throws IOException {
        byte[] jpeg = encoded("jpeg", 8, 6);
        byte[] tiff = exifTiff();
        ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
        app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(app1.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A lossless WebP header (VP8L) of {@code width} x {@code height}: enough for its dimensions. */
    public static byte[] webp(int width, int height) {
        ByteBuffer riff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(18).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        riff.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(5).put((byte) 0x2F);
        riff.putInt((width - 1) | (height - 1) << 14).put((byte) 0);
        return riff.array();
    }

    private static byte[] exifTiff() {
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
                new Entry(0x0112, 3, 1, shorts(6)));
        int exifOffset = 8 + size(ifd0WithoutPointers) + 2 * 12;
        int gpsOffset = exifOffset + size(exif);
        List<Entry> ifd0 = new ArrayList<>(ifd0WithoutPointers);
        ifd0.add(new Entry(0x8769, 4, 1, longs(exifOffset)));
        ifd0.add(new Entry(0x8825, 4, 1, longs(gpsOffset)));
        ByteBuffer tiff = ByteBuffer.allocate(gpsOffset + size(gps));
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        write(tiff, ifd0, 8);
        write(tiff, exif, exifOffset);
        write(tiff, gps, gpsOffset);
        return tiff.array();
    }

    private record Entry(int tag, int type, int count, byte[] value) {}

    private static int size(List<Entry> ifd) {
        int data = ifd.stream().mapToInt(e -> e.value.length > 4 ? e.value.length + e.value.length % 2 : 0).sum();
        return 2 + 12 * ifd.size() + 4 + data;
    }

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

    private static byte[] shorts(int value) {
        return ByteBuffer.allocate(2).putShort((short) value).array();
    }

    private static byte[] longs(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }
}
