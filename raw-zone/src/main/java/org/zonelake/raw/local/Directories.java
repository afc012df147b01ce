package org.zonelake.raw.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File-system steps the store's atomicity rests on. */
final class Directories {
    private static final Logger LOG = LoggerFactory.getLogger(Directories.class);

    private Directories() {}

    /**
     * Makes the directory's entries (created, renamed, removed files) durable. Some platforms cannot open a
     * directory for syncing; there the rename is as durable as the platform makes it.
     */
    static void sync(Path directory) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot open directory {} to sync it: {}", directory, e.toString());
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    /** Deletes the directory and everything under it; a missing directory is fine. */
    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException e) {
            // Removed concurrently: what matters is that it is gone.
        }
    }

    /** Deletes the tree, logging instead of throwing: used while another failure is already on its way up. */
    static void deleteQuietly(Path directory, Throwable failure) {
        try {
            deleteTree(directory);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            LOG.warn("Cannot remove temporary directory {}", directory, e);
        }
    }
}
