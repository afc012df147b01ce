package org.zonelake.ingest.objects;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.UploadKind;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadRepository;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.ingest.service.StoreRequest;

/**
 * Tracking records of single-request uploads, so that the upload list shows them next to resumable ones.
 * The object is what matters: once it is stored, a failure to update its record is logged, not answered.
 */
final class SingleRequestUploads {
    private static final Logger LOG = LoggerFactory.getLogger(SingleRequestUploads.class);

    private final UploadRepository uploads;
    private final Clock clock;

    SingleRequestUploads(UploadRepository uploads, Clock clock) {
        this.uploads = requireNonNull(uploads, "uploads is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Records a {@code RECEIVING} upload and returns its id. */
    String start(StoreRequest request) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        uploads.create(new UploadRecord(id, request.project(), UploadKind.SINGLE_REQUEST, request.uploader(), request.originalName(),
                null, 0, UploadState.RECEIVING, null, request.template(), request.metadata(), request.dataProcessing(),
                null, now, now));
        return id;
    }

    void stored(String project, String uploadId, ObjectDocument stored) {
        try {
            Instant now = clock.instant();
            uploads.advance(project, uploadId, 0, stored.size(), now);
            uploads.updateState(project, uploadId, UploadState.STORED, stored.id(), null, now);
        } catch (RuntimeException e) {
            LOG.warn("Object {} is stored but its upload record {} could not be updated", stored.id(), uploadId, e);
        }
    }

    void failed(String project, String uploadId, long bytesReceived, String reason) {
        try {
            Instant now = clock.instant();
            if (bytesReceived > 0) {
                uploads.advance(project, uploadId, 0, bytesReceived, now);
            }
            uploads.updateState(project, uploadId, UploadState.FAILED, null, reason, now);
        } catch (RuntimeException e) {
            LOG.warn("Upload record {} could not be marked failed ({})", uploadId, reason, e);
        }
    }
}
