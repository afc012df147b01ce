package org.zonelake.core.raw;

import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The raw zone: byte-exact storage of objects, one namespace per project.
 * Implementations stream; none may hold a whole object in memory.
 */
public interface ObjectStore {
    /**
     * Stores the stream under the key, replacing any previous object, and returns its size and SHA-256.
     * The write is atomic: on any failure (including a failing stream) nothing is visible under the key
     * and no partial data stays behind. Throws {@code LakeException} with {@code STORAGE_FULL} or
     * {@code STORAGE_FAILURE} for storage errors; exceptions of the stream itself propagate unchanged.
     */
    StoredBlob put(ObjectKey key, InputStream content);

    /** Opens the whole object. Throws {@code LakeException(OBJECT_NOT_FOUND)} if absent. */
    default InputStream open(ObjectKey key) {
        return open(key, null);
    }

    /**
     * Opens a byte range of the object ({@code null} for the whole object).
     * Throws {@code LakeException(RANGE_NOT_SATISFIABLE)} if the range starts beyond the end.
     */
    InputStream open(ObjectKey key, ByteRange range);

    Optional<StoredBlob> stat(ObjectKey key);

    /** Deletes the object; returns whether it existed. */
    boolean delete(ObjectKey key);

    /** The objects of a project; the caller closes the stream. */
    Stream<StoredBlob> list(String project);
}
