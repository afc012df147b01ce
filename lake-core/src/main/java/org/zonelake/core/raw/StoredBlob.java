package org.zonelake.core.raw;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** What the raw zone knows of a stored object: its size and SHA-256 (hex, computed while streaming). */
public record StoredBlob(ObjectKey key, long size, String sha256, Instant storedAt) {
    public StoredBlob {
        requireNonNull(key, "key is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(storedAt, "storedAt is null");
        if (size < 0) {
            throw new IllegalArgumentException("size is negative: " + size);
        }
    }

    /** A strong entity tag for HTTP: the content hash. */
    public String etag() {
        return "\"" + sha256 + "\"";
    }
}
