package org.zonelake.pipelines.archive;

import java.io.IOException;

/**
 * An archive the pipeline will not unpack: an unsafe name, a limit passed, damaged data. An IOException, since it
 * is thrown from inside the entry streams the object store reads.
 */
final class ArchiveRejectedException extends IOException {
    ArchiveRejectedException(String reason) {
        super(reason);
    }
}
