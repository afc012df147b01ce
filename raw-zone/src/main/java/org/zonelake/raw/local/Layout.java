package org.zonelake.raw.local;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.UUID;
import org.zonelake.core.raw.ObjectKey;

/**
 * Where things live under the root. Every path is built from an {@link ObjectKey} (whose parts are validated
 * safe file names) or from names the store generates itself; nothing else ever reaches a path.
 *
 * <pre>
 * root/&lt;project&gt;/objects/&lt;name&gt;/segment-000000 ... manifest.properties
 * root/&lt;project&gt;/.tmp/&lt;uuid&gt;/                 a write in progress, or an object being deleted
 * root/&lt;project&gt;/.tmp/&lt;uuid&gt;.displaced/       the previous version during a replace
 * </pre>
 */
record Layout(Path root) {
    static final String OBJECTS = "objects";
    static final String TEMPORARY = ".tmp";
    static final String DISPLACED_SUFFIX = ".displaced";

    Layout {
        requireNonNull(root, "root is null");
        root = root.toAbsolutePath().normalize();
    }

    Path projectDirectory(ObjectKey key) {
        return root.resolve(key.project());
    }

    Path objectsDirectory(ObjectKey key) {
        return projectDirectory(key).resolve(OBJECTS);
    }

    Path objectDirectory(ObjectKey key) {
        return objectsDirectory(key).resolve(key.name());
    }

    Path temporaryArea(ObjectKey key) {
        return projectDirectory(key).resolve(TEMPORARY);
    }

    /** A fresh name in the project's temporary area for a write in progress or a doomed object. */
    Path newTemporary(ObjectKey key) {
        return temporaryArea(key).resolve(UUID.randomUUID().toString());
    }

    /** A fresh name in the project's temporary area for the version a replace moves aside. */
    Path newDisplaced(ObjectKey key) {
        return temporaryArea(key).resolve(UUID.randomUUID() + DISPLACED_SUFFIX);
    }
}
