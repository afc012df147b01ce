package org.zonelake.raw.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.raw.ObjectKey;

/**
 * Cleans up after a crash, before the store serves anything: a write in progress or a delete under way is
 * removed; a version moved aside by a replace that never moved its successor in is put back, so a key always
 * holds either its old or its new object.
 */
final class CrashRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(CrashRecovery.class);

    private final Layout layout;
    private int removed;
    private int restored;

    private CrashRecovery(Layout layout) {
        this.layout = layout;
    }

    static void run(Layout layout) throws IOException {
        CrashRecovery recovery = new CrashRecovery(layout);
        try (DirectoryStream<Path> projects = Files.newDirectoryStream(layout.root(), Files::isDirectory)) {
            for (Path project : projects) {
                recovery.recoverProject(project);
            }
        }
        LOG.info("Raw zone {}: removed {} leftover temporary directories, restored {} objects displaced by an interrupted replace",
                layout.root(), recovery.removed, recovery.restored);
    }

    private void recoverProject(Path project) throws IOException {
        Path temporary = project.resolve(Layout.TEMPORARY);
        if (!Files.isDirectory(temporary)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(temporary)) {
            for (Path leftover : leftovers) {
                if (leftover.getFileName().toString().endsWith(Layout.DISPLACED_SUFFIX) && restore(project, leftover)) {
                    restored++;
                } else {
                    Directories.deleteTree(leftover);
                    removed++;
                }
            }
        }
        Directories.sync(temporary);
    }

    /** Moves a displaced version back if its key is empty; false if it is to be deleted instead. */
    private boolean restore(Path project, Path displaced) throws IOException {
        ObjectKey key;
        try {
            key = new ObjectKey(project.getFileName().toString(), Manifest.read(displaced).name());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Discarding unreadable displaced object {}: {}", displaced, e.toString());
            return false;
        }
        Path target = layout.objectDirectory(key);
        if (Files.exists(target)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Files.move(displaced, target, StandardCopyOption.ATOMIC_MOVE);
        Directories.sync(target.getParent());
        LOG.warn("Restored object {} displaced by an interrupted replace", key);
        return true;
    }
}
