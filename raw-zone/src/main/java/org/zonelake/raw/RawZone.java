package org.zonelake.raw;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.raw.local.LocalDiskObjectStore;
import org.zonelake.raw.swift.SwiftObjectStore;

/** Opens the raw zone's {@link ObjectStore} that the configuration names. */
public final class RawZone {
    private RawZone() {
    }

    /**
     * The local disk under {@code localRoot}, or Swift. The Swift store also implements
     * {@link org.zonelake.core.raw.ForeignObjects} and {@link AutoCloseable}; it signs in on its first request, so opening
     * it needs no running Swift.
     *
     * @param localRoot the directory of the local backend (the server's {@code <data dir>/raw}); unused for Swift
     */
    public static ObjectStore open(RawZoneConfig config, Path localRoot) {
        requireNonNull(config, "config is null");
        return switch (config.backend()) {
            case LOCAL -> new LocalDiskObjectStore(requireNonNull(localRoot, "localRoot is null"), config.segmentBytes());
            case SWIFT -> new SwiftObjectStore(config.swift());
        };
    }
}
