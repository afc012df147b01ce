package org.zonelake.ingest.uploads;

import java.time.Instant;
import java.util.Locale;
import org.zonelake.core.metadata.UploadRecord;

/** An upload as the tracking endpoints show it. */
record UploadView(
        String id,
        String kind,
        String originalName,
        String uploader,
        Long length,
        long bytesReceived,
        String state,
        Long objectId,
        String template,
        String failureReason,
        Instant startedAt,
        Instant updatedAt) {

    static UploadView of(UploadRecord upload) {
        return new UploadView(upload.id(), upload.kind().name().toLowerCase(Locale.ROOT), upload.originalName(), upload.uploader(),
                upload.length(), upload.bytesReceived(), upload.state().wireName(), upload.objectId(), upload.template(),
                upload.failureReason(), upload.startedAt(), upload.updatedAt());
    }
}
