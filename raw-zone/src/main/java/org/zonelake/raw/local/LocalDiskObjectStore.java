package org.zonelake.raw.local;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.raw.ByteRange;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.core.raw.StoredBlob;

/**
 * The raw zone on a local file system. Each object is a directory of fixed-size segment files and a manifest
 * (see {@link Layout}). A put streams into a fresh temporary directory, syncs it, and renames it into place,
 * so a key never shows a partial object: it holds the previous object until a replace commits (between the
 * two renames of a replace, for an instant, none) and then the complete new one. After a crash, construction
 * restores that invariant (see {@link CrashRecovery}). The store must be the only user of its root; it
 * serialises commits and deletes per key within this process.
 *
 * <p>Failures of {@link #put}: an {@link IOException} of the disk becomes {@code LakeException(STORAGE_FULL)}
 * when the device or quota is full and {@code LakeException(STORAGE_FAILURE)} otherwise. Exceptions of the
 * caller's stream are not the store's to classify: unchecked ones propagate unchanged, and an
 * {@link IOException} of the stream propagates as an {@link UncheckedIOException} wrapping it.
 */
public final class LocalDiskObjectStore implements ObjectStore {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDiskObjectStore.class);
    private static final int LOCK_STRIPES = 64;
    private static final AtomicInteger BACKGROUND_THREADS = new AtomicInteger();
    /**
     * Hashing, disk writes and syncs overlapping with the callers' reads: two busy threads per upload in progress, and
     * one mostly waiting for the disk; idle ones expire.
     */
    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "raw-zone-background-" + BACKGROUND_THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final Layout layout;
    private final SegmentWriter writer;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];

    public LocalDiskObjectStore(Path root, long segmentBytes) {
        this(root, segmentBytes, SegmentSink.fileChannels(), Clock.systemUTC());
    }

    /** With a seam for the disk (tests make it fail) and a clock for {@code storedAt}. */
    LocalDiskObjectStore(Path root, long segmentBytes, SegmentSink.Factory sinks, Clock clock) {
        this(root, segmentBytes, SegmentWriter.WRITE_BEHIND_BYTES, sinks, clock);
    }

    /** As above, choosing after how many written bytes a segment is synced in the background. */
    LocalDiskObjectStore(Path root, long segmentBytes, long writeBehindBytes, SegmentSink.Factory sinks, Clock clock) {
        this.layout = new Layout(requireNonNull(root, "root is null"));
        this.writer = new SegmentWriter(sinks, BACKGROUND, segmentBytes, writeBehindBytes);
        this.clock = requireNonNull(clock, "clock is null");
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
        try {
            Files.createDirectories(layout.root());
            CrashRecovery.run(layout);
        } catch (IOException e) {
            throw storageError("prepare the raw zone in " + layout.root(), e);
        }
    }

    public Path root() {
        return layout.root();
    }

    @Override
    public StoredBlob put(ObjectKey key, InputStream content) {
        requireNonNull(key, "key is null");
        requireNonNull(content, "content is null");
        Path temporary = layout.newTemporary(key);
        try {
            Files.createDirectories(temporary);
            Manifest manifest = writer.write(key.name(), content, temporary, clock.instant());
            commit(key, temporary);
            return manifest.toBlob(key.project());
        } catch (IOException e) {
            Directories.deleteQuietly(temporary, e);
            throw storageError("store object " + key, e);
        } catch (RuntimeException | Error e) {
            Directories.deleteQuietly(temporary, e);
            throw e;
        }
    }

    @Override
    public InputStream open(ObjectKey key, ByteRange range) {
        requireNonNull(key, "key is null");
        ObjectVersion version = pin(key);
        try {
            long size = version.manifest().size();
            if (range == null) {
                return new SegmentedInputStream(version, 0, size);
            }
            if (range.first() >= size) {
                throw LakeException.of(ErrorCode.RANGE_NOT_SATISFIABLE,
                        "Range %d-%d of object %s starts beyond its end (%d bytes)", range.first(), range.last(), key, size);
            }
            return new SegmentedInputStream(version, range.first(), Math.min(range.last(), size - 1) + 1);
        } catch (RuntimeException e) {
            closeQuietly(version, e);
            throw e;
        }
    }

    @Override
    public Optional<StoredBlob> stat(ObjectKey key) {
        requireNonNull(key, "key is null");
        try {
            return Optional.of(Manifest.read(layout.objectDirectory(key)).toBlob(key.project()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw storageError("read object " + key, e);
        }
    }

    @Override
    public boolean delete(ObjectKey key) {
        requireNonNull(key, "key is null");
        Path doomed = layout.newTemporary(key);
        try {
            if (!moveAside(key, doomed)) {
                return false;
            }
        } catch (IOException e) {
            throw storageError("delete object " + key, e);
        }
        deleteLeftover(doomed);
        return true;
    }

    @Override
    public Stream<StoredBlob> list(String project) {
        requireNonNull(project, "project is null");
        ObjectKey probe = projectKey(project);
        Path objects = layout.objectsDirectory(probe);
        if (!Files.isDirectory(objects)) {
            return Stream.empty();
        }
        List<ObjectKey> keys;
        try (Stream<Path> entries = Files.list(objects)) {
            keys = entries.map(entry -> entry.getFileName().toString()).sorted()
                    .map(name -> new ObjectKey(probe.project(), name)).toList();
        } catch (IOException e) {
            throw storageError("list the objects of project " + project, e);
        }
        // Names only are held; manifests are read as the caller consumes, skipping objects deleted meanwhile.
        return keys.stream().map(this::stat).flatMap(Optional::stream);
    }

    /** Moves the temporary directory into the key's place, moving any previous version aside first. */
    private void commit(ObjectKey key, Path temporary) throws IOException {
        Path target = layout.objectDirectory(key);
        Files.createDirectories(target.getParent());
        Path displaced = null;
        synchronized (lockFor(key)) {
            if (Files.exists(target)) {
                displaced = layout.newDisplaced(key);
                Files.move(target, displaced, StandardCopyOption.ATOMIC_MOVE);
            }
            moveIn(temporary, target, displaced);
            Directories.sync(target.getParent());
            Directories.sync(layout.temporaryArea(key));
        }
        if (displaced != null) {
            deleteLeftover(displaced);
        }
    }

    private static void moveIn(Path temporary, Path target, Path displaced) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (displaced != null) {
                try {
                    Files.move(displaced, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException restoreFailure) {
                    // Crash recovery puts it back at the next start.
                    e.addSuppressed(restoreFailure);
                }
            }
            throw e;
        }
    }

    private boolean moveAside(ObjectKey key, Path doomed) throws IOException {
        Path target = layout.objectDirectory(key);
        synchronized (lockFor(key)) {
            if (!Files.exists(target)) {
                return false;
            }
            Files.createDirectories(doomed.getParent());
            try {
                Files.move(target, doomed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                return false;
            }
            Directories.sync(target.getParent());
            return true;
        }
    }

    /** Removes a directory no key refers to any more; if that fails, crash recovery removes it at the next start. */
    private static void deleteLeftover(Path directory) {
        try {
            Directories.deleteTree(directory);
        } catch (IOException e) {
            LOG.warn("Cannot remove {} now; it will be removed at the next start", directory, e);
        }
    }

    private ObjectVersion pin(ObjectKey key) {
        try {
            return ObjectVersion.open(layout.objectDirectory(key));
        } catch (NoSuchFileException e) {
            throw LakeException.of(ErrorCode.OBJECT_NOT_FOUND, "Object %s not found in the raw zone", key);
        } catch (IOException e) {
            throw storageError("read object " + key, e);
        }
    }

    private Object lockFor(ObjectKey key) {
        return locks[Math.floorMod(key.hashCode(), LOCK_STRIPES)];
    }

    /** Only {@link ObjectKey} decides which project names are safe in a path. */
    private static ObjectKey projectKey(String project) {
        try {
            return new ObjectKey(project, "list");
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCode.INVALID_NAME, e.getMessage(), e);
        }
    }

    private static void closeQuietly(ObjectVersion version, RuntimeException failure) {
        try {
            version.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    static LakeException storageError(String action, IOException e) {
        if (isOutOfSpace(e)) {
            return new LakeException(ErrorCode.STORAGE_FULL, "Cannot " + action + ": the raw zone is out of space (" + e.getMessage() + ")", e);
        }
        return new LakeException(ErrorCode.STORAGE_FAILURE, "Cannot " + action + ": " + e, e);
    }

    /** ENOSPC or EDQUOT, as the JDK reports them: in the message, or as the reason of a file-system exception. */
    static boolean isOutOfSpace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = t instanceof FileSystemException fse ? fse.getReason() + " " + fse.getMessage() : t.getMessage();
            if (text != null && (text.contains("No space left on device") || text.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
