package org.zonelake.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.raw.ByteRange;
import org.zonelake.core.raw.ForeignObject;
import org.zonelake.core.raw.ForeignObjects;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.core.raw.StoredBlob;

/** Swift in memory, as the raw zone sees it: containers {@code zonelake_<project>}, lake and foreign objects. */
final class FakeSwiftStorage implements ObjectStore, ForeignObjects {
    static final Instant WRITTEN = Instant.parse("2026-05-01T10:00:00Z");

    /** Where {@link #adopt} fails, if anywhere. */
    enum AdoptionFailure { NONE, BEFORE_COPY, AFTER_FOREIGN_REMOVED }

    private record Entry(byte[] bytes, String contentType, boolean lake) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    volatile AdoptionFailure adoptionFailure = AdoptionFailure.NONE;

    /** An object as {@code swift upload} writes it. */
    void putForeign(String project, String name, String content, String contentType) {
        entries.put(project + "/" + name, new Entry(content.getBytes(StandardCharsets.UTF_8), contentType, false));
    }

    boolean contains(String project, String name) {
        return entries.containsKey(project + "/" + name);
    }

    String content(String project, String name) {
        return new String(entries.get(project + "/" + name).bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public Optional<String> projectOfContainer(String container) {
        return container.startsWith("zonelake_") && !container.endsWith("_segments")
                ? Optional.of(container.substring("zonelake_".length())) : Optional.empty();
    }

    @Override
    public Optional<ForeignObject> stat(String project, String name) {
        if (name.contains("//")) {
            throw LakeException.of(ErrorCode.INVALID_NAME, "Cannot address the Swift object named '%s'", name);
        }
        Entry entry = entries.get(project + "/" + name);
        return Optional.ofNullable(entry).map(e -> new ForeignObject(project, name, e.bytes().length, e.contentType(), e.lake(), WRITTEN));
    }

    @Override
    public StoredBlob adopt(String project, String name, ObjectKey target) {
        Entry foreign = entries.get(project + "/" + name);
        if (foreign == null) {
            throw LakeException.of(ErrorCode.OBJECT_NOT_FOUND, "Nothing is stored under %s in project %s", name, project);
        }
        if (adoptionFailure == AdoptionFailure.BEFORE_COPY) {
            throw LakeException.of(ErrorCode.STORAGE_FAILURE, "Cannot copy %s: Swift answered 503", name);
        }
        entries.put(target.toString(), new Entry(foreign.bytes(), foreign.contentType(), true));
        entries.remove(project + "/" + name);
        if (adoptionFailure == AdoptionFailure.AFTER_FOREIGN_REMOVED) {
            throw LakeException.of(ErrorCode.STORAGE_FAILURE, "Cannot adopt %s: the connection dropped", name);
        }
        return blob(target, foreign.bytes());
    }

    @Override
    public StoredBlob put(ObjectKey key, InputStream content) {
        try {
            byte[] bytes = content.readAllBytes();
            entries.put(key.toString(), new Entry(bytes, null, true));
            return blob(key, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(ObjectKey key, ByteRange range) {
        Entry entry = entries.get(key.toString());
        if (entry == null) {
            throw LakeException.of(ErrorCode.OBJECT_NOT_FOUND, "No object %s", key);
        }
        return new ByteArrayInputStream(entry.bytes());
    }

    @Override
    public Optional<StoredBlob> stat(ObjectKey key) {
        return Optional.ofNullable(entries.get(key.toString())).filter(Entry::lake).map(e -> blob(key, e.bytes()));
    }

    @Override
    public boolean delete(ObjectKey key) {
        return entries.remove(key.toString()) != null;
    }

    @Override
    public Stream<StoredBlob> list(String project) {
        return List.copyOf(entries.keySet()).stream().filter(k -> k.startsWith(project + "/"))
                .map(k -> new ObjectKey(project, k.substring(project.length() + 1))).flatMap(k -> stat(k).stream());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredBlob blob(ObjectKey key, byte[] bytes) {
        return new StoredBlob(key, bytes.length, sha256(bytes), WRITTEN);
    }
}
