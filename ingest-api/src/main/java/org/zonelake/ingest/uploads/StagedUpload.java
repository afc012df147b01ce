package org.zonelake.ingest.uploads;

import static java.util.Objects.requireNonNull;

/**
 * What the staging directory keeps next to the bytes of an upload ({@code <id>.json}): the project, which names
 * the upload record of a staging file found on disk, and what the upload record has no field for.
 *
 * @param uploadMetadata the client's {@code Upload-Metadata} header verbatim, echoed by HEAD as tus asks
 */
record StagedUpload(String project, String application, String description, String uploadMetadata) {
    StagedUpload {
        requireNonNull(project, "project is null");
    }
}
