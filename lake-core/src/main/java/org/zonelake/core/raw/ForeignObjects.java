package org.zonelake.core.raw;

import java.util.Optional;

/**
 * Objects that other clients wrote straight into the raw zone's storage (a {@code swift upload}), under names the
 * lake did not choose. The Swift raw zone implements it, so that such writes become an ingest path: the receiver of
 * the storage's events adopts each foreign object under a storage name of the lake's.
 */
public interface ForeignObjects {
    /** The project whose container this is, if the container is one of the lake's project containers. */
    Optional<String> projectOfContainer(String container);

    /** What is stored under the name in the project's container, if anything. */
    Optional<ForeignObject> stat(String project, String name);

    /**
     * Takes the object stored under {@code name} into the lake as {@code target}: its SHA-256 is computed while
     * streaming it once, the bytes are copied server-side (a large object's segments are not copied), the lake's
     * metadata is set on the copy and the foreign name is removed. Repeating an adoption that completed is harmless.
     * Throws {@code LakeException(OBJECT_NOT_FOUND)} if nothing is stored under the name.
     */
    StoredBlob adopt(String project, String name, ObjectKey target);
}
