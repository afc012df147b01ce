package org.zonelake.raw.local;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.StoredBlob;

/**
 * The small file next to an object's segments saying what they add up to. It records the segment size used
 * at write time, so that objects stay readable after the configured segment size changes, and the storage
 * name, so that an object moved aside during a replace can be put back after a crash.
 */
record Manifest(String name, long size, String sha256, long segmentBytes, int segments, Instant storedAt) {
    static final String FILE_NAME = "manifest.properties";
    private static final int FORMAT = 1;

    Manifest {
        requireNonNull(name, "name is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(storedAt, "storedAt is null");
        if (size < 0 || segmentBytes <= 0 || segments < 0) {
            throw new IllegalArgumentException(
                    "Invalid manifest of " + name + ": size " + size + ", segment bytes " + segmentBytes + ", segments " + segments);
        }
    }

    static int segmentCount(long size, long segmentBytes) {
        return Math.toIntExact((size + segmentBytes - 1) / segmentBytes);
    }

    static String segmentFileName(int index) {
        return String.format("segment-%06d", index);
    }

    StoredBlob toBlob(String project) {
        return new StoredBlob(new ObjectKey(project, name), size, sha256, storedAt);
    }

    byte[] toBytes() throws IOException {
        Properties props = new Properties();
        props.setProperty("format", Integer.toString(FORMAT));
        props.setProperty("name", name);
        props.setProperty("size", Long.toString(size));
        props.setProperty("sha256", sha256);
        props.setProperty("segment-bytes", Long.toString(segmentBytes));
        props.setProperty("segments", Integer.toString(segments));
        props.setProperty("stored-at", storedAt.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            props.store(writer, null);
        }
        return out.toByteArray();
    }

    /** Reads the manifest of the object directory; throws {@link java.nio.file.NoSuchFileException} if there is none. */
    static Manifest read(Path objectDirectory) throws IOException {
        try (InputStream in = Files.newInputStream(objectDirectory.resolve(FILE_NAME))) {
            return read(in, objectDirectory);
        }
    }

    /** Parses a manifest; {@code objectDirectory} only names it in errors. */
    static Manifest read(InputStream in, Path objectDirectory) throws IOException {
        Properties props = new Properties();
        props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            return new Manifest(
                    required(props, "name"),
                    Long.parseLong(required(props, "size")),
                    required(props, "sha256"),
                    Long.parseLong(required(props, "segment-bytes")),
                    Integer.parseInt(required(props, "segments")),
                    Instant.parse(required(props, "stored-at")));
        } catch (RuntimeException e) {
            throw new IOException("Corrupt manifest in " + objectDirectory + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties props, String key) {
        String value = props.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }
}
