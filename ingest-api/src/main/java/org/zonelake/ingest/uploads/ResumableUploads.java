package org.zonelake.ingest.uploads;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.UploadKind;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.service.StoreRequest;

/**
 * Resumable uploads: bytes collect in the staging area, the upload record holds the acknowledged offset, and the
 * upload is stored as an object once the last byte has arrived. The recorded offset never runs ahead of the bytes
 * synced to disk, so after any crash the client resumes from an offset whose bytes are really there.
 */
final class ResumableUploads {
    private static final Logger LOG = LoggerFactory.getLogger(ResumableUploads.class);
    /** How long a request waits for another one on the same upload (e.g. a PATCH whose client just went away). */
    static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    static final String CANCELLED = "cancelled by the client";

    private final GatewayServices services;
    private final StagingArea staging;
    private final UploadLocks locks;
    private final Counter receivedBytes;

    ResumableUploads(GatewayServices services) {
        this(services, new StagingArea(services.uploadStaging()), UploadLocks.SHARED);
    }

    ResumableUploads(GatewayServices services, StagingArea staging, UploadLocks locks) {
        this.services = requireNonNull(services, "services is null");
        this.staging = requireNonNull(staging, "staging is null");
        this.locks = requireNonNull(locks, "locks is null");
        this.receivedBytes = Counter.builder("zonelake.uploads.resumable.received")
                .baseUnit("bytes").description("Bytes received by resumable uploads").register(services.metrics());
    }

    StagingArea staging() {
        return staging;
    }

    /** Checks name, template and metadata, then records and stages the upload; an empty one is stored at once. */
    Progress create(NewUpload upload) {
        StoreRequest checked = services.ingest().check(upload.request());
        String id = UploadIds.newId();
        UploadLocks.Held held = lockWithin(id, Duration.ZERO);
        try {
            UploadRecord record = new UploadRecord(id, checked.project(), UploadKind.RESUMABLE, checked.uploader(), checked.originalName(),
                    upload.length(), 0, UploadState.RECEIVING, null, checked.template(), checked.metadata(), checked.dataProcessing(),
                    null, services.clock().instant(), services.clock().instant());
            services.uploads().create(record);
            stage(record, checked, upload.uploadMetadata());
            // The client may resume from the Location we answer: the record must outlive a crash.
            services.metadataDurability().run();
            LOG.info("Created upload {} of {} bytes for '{}'", id, upload.length(), checked.originalName());
            return upload.length() == 0 ? finish(record) : new Progress(id, 0, upload.length(), null);
        } finally {
            held.release();
        }
    }

    private void stage(UploadRecord record, StoreRequest checked, String uploadMetadata) {
        try {
            staging.create(record.id(), new StagedUpload(record.project(), checked.application(), checked.description(), uploadMetadata));
        } catch (RuntimeException e) {
            try {
                services.uploads().delete(record.project(), record.id());
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The resumable upload of the project; {@code UPLOAD_NOT_FOUND} for another project's or a malformed id. */
    UploadRecord find(String project, String id) {
        return Optional.ofNullable(UploadIds.isWellFormed(id) ? id : null)
                .flatMap(wellFormed -> services.uploads().find(project, wellFormed))
                .filter(upload -> upload.kind() == UploadKind.RESUMABLE)
                .orElseThrow(() -> LakeException.of(ErrorCode.UPLOAD_NOT_FOUND, "No upload %s in project %s", id, project));
    }

    /** The client's {@code Upload-Metadata} header of an upload still receiving. */
    Optional<String> uploadMetadata(String id) {
        return staging.find(id).map(StagedUpload::uploadMetadata);
    }

    /**
     * Appends a PATCH body at {@code offset}. {@code contentLength} is -1 for a chunked body. Returns the new offset,
     * with the object id if that completed the upload.
     */
    Progress append(String project, String id, long offset, long contentLength, InputStream body) {
        UploadLocks.Held held = lockWithin(id, LOCK_WAIT);
        try {
            UploadRecord upload = receiving(find(project, id));
            if (offset != upload.bytesReceived()) {
                throw new LakeException(ErrorCode.UPLOAD_OFFSET_MISMATCH, String.format(
                        "Upload %s is at offset %d, not %d: ask its offset with HEAD and resume from there", id, upload.bytesReceived(), offset),
                        Map.of("upload_offset", upload.bytesReceived()), null);
            }
            return write(upload, body, limitOf(upload, contentLength));
        } finally {
            held.release();
        }
    }

    private static UploadRecord receiving(UploadRecord upload) {
        if (upload.state() == UploadState.RECEIVING) {
            return upload;
        }
        String why = upload.state() == UploadState.FAILED
                ? "failed: " + upload.failureReason()
                : "is complete and stored as object " + upload.objectId();
        throw LakeException.of(ErrorCode.UPLOAD_NOT_RECEIVING, "Upload %s takes no more bytes: it %s", upload.id(), why);
    }

    /** How many bytes this PATCH may carry; refuses a declared body that is too long before reading it. */
    private long limitOf(UploadRecord upload, long contentLength) {
        long remaining = upload.length() - upload.bytesReceived();
        if (contentLength > remaining) {
            throw beyondLength(upload, remaining);
        }
        long maxChunk = services.limits().maxChunkBytes();
        if (contentLength > maxChunk) {
            throw LakeException.of(ErrorCode.CHUNK_TOO_LARGE, "A PATCH may carry at most %d bytes, this one has %d: send smaller chunks",
                    maxChunk, contentLength);
        }
        return Math.min(remaining, maxChunk);
    }

    private static LakeException beyondLength(UploadRecord upload, long remaining) {
        return LakeException.of(ErrorCode.INVALID_REQUEST, "Upload %s of %d bytes needs only %d more bytes; the PATCH carries more",
                upload.id(), upload.length(), remaining);
    }

    private Progress write(UploadRecord upload, InputStream body, long limit) {
        requireBytesKept(upload);
        ChunkCopier.Copied copied = copy(upload, body, limit);
        if (copied.overflow()) {
            throw limit == upload.length() - upload.bytesReceived() ? beyondLength(upload, limit) : LakeException.of(
                    ErrorCode.CHUNK_TOO_LARGE, "A PATCH may carry at most %d bytes: send smaller chunks", services.limits().maxChunkBytes());
        }
        long newOffset = advance(upload, copied.bytes());
        if (copied.clientFailure() != null) {
            LOG.info("Client of upload {} went away at offset {}; the {} bytes received are kept", upload.id(), newOffset, copied.bytes());
            throw new LakeException(ErrorCode.CLIENT_DISCONNECTED, "The body ended early; resume from offset " + newOffset, copied.clientFailure());
        }
        return newOffset == upload.length() ? finish(upload) : new Progress(upload.id(), newOffset, upload.length(), null);
    }

    /** An upload whose acknowledged bytes are gone from the staging area (e.g. a wiped disk) cannot go on. */
    private void requireBytesKept(UploadRecord upload) {
        if (upload.bytesReceived() > 0 && staging.size(upload.id()) < upload.bytesReceived()) {
            throw abandon(upload, "the received bytes were lost from the staging area",
                    LakeException.of(ErrorCode.UPLOAD_NOT_RECEIVING, "Upload %s has lost its received bytes; start a new upload", upload.id()));
        }
    }

    /** Moves the recorded offset past bytes already synced to disk; another process moving it first is a conflict. */
    private long advance(UploadRecord upload, long bytes) {
        long offset = upload.bytesReceived();
        if (bytes > 0 && !services.uploads().advance(upload.project(), upload.id(), offset, offset + bytes, services.clock().instant())) {
            throw LakeException.of(ErrorCode.UPLOAD_OFFSET_MISMATCH, "Upload %s was changed by another request; ask its offset with HEAD", upload.id());
        }
        if (bytes > 0) {
            // An offset we acknowledge must survive a crash (the bytes behind it are already synced).
            services.metadataDurability().run();
        }
        receivedBytes.increment(bytes);
        return offset + bytes;
    }

    private ChunkCopier.Copied copy(UploadRecord upload, InputStream body, long limit) {
        try (FileChannel file = staging.openAt(upload.id(), upload.bytesReceived())) {
            return ChunkCopier.copy(body, file, limit);
        } catch (IOException e) {
            ErrorCode code = String.valueOf(e.getMessage()).contains("No space left") ? ErrorCode.STORAGE_FULL : ErrorCode.STORAGE_FAILURE;
            throw new LakeException(code, "Cannot write the bytes of upload " + upload.id() + " to the staging area: " + e.getMessage(), e);
        }
    }

    /**
     * Stores a complete upload as an object (the caller holds its lock). On failure the upload is marked failed with
     * the reason, its bytes are deleted and the failure is thrown.
     */
    Progress finish(UploadRecord upload) {
        ObjectDocument stored = store(upload);
        staging.delete(upload.id());
        LOG.info("Upload {} complete: stored as object {}", upload.id(), stored.id());
        return new Progress(upload.id(), upload.length(), upload.length(), stored.id());
    }

    private ObjectDocument store(UploadRecord upload) {
        StoreRequest request = requestOf(upload);
        InputStream content;
        try {
            content = staging.read(upload.id());
        } catch (NoSuchFileException e) {
            throw abandon(upload, "the received bytes were lost from the staging area",
                    LakeException.of(ErrorCode.UPLOAD_NOT_RECEIVING, "Upload %s has lost its received bytes; start a new upload", upload.id()));
        } catch (IOException e) {
            throw abandon(upload, "the received bytes could not be read",
                    new LakeException(ErrorCode.STORAGE_FAILURE, "Cannot read the bytes of upload " + upload.id() + ": " + e.getMessage(), e));
        }
        try {
            return services.ingest().store(request, content, stored -> markStored(upload, stored));
        } catch (LakeException e) {
            throw abandon(upload, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw abandon(upload, "internal error while storing the upload",
                    new LakeException(ErrorCode.INTERNAL, "Storing upload " + upload.id() + " failed unexpectedly", e));
        } finally {
            closeQuietly(content);
        }
    }

    /**
     * Runs before the process zone hears of the object, so its state updates find the object id here. A failure is
     * only logged: the object is what matters, and finishing again would store it twice.
     */
    private void markStored(UploadRecord upload, ObjectDocument stored) {
        services.uploads().updateState(upload.project(), upload.id(), UploadState.STORED, stored.id(), null, services.clock().instant());
        services.metadataDurability().run();
    }

    /** A failure to close a file already read must not fail an object already stored. */
    private static void closeQuietly(InputStream content) {
        try {
            content.close();
        } catch (IOException e) {
            LOG.debug("Cannot close a staging file", e);
        }
    }

    private StoreRequest requestOf(UploadRecord upload) {
        Optional<StagedUpload> staged = staging.find(upload.id());
        return new StoreRequest(upload.project(), upload.uploader(), upload.originalName(), upload.template(), upload.metadata(),
                upload.dataProcessing(), staged.map(StagedUpload::application).orElse(null), staged.map(StagedUpload::description).orElse(null));
    }

    /**
     * Marks the upload failed with the reason and deletes its bytes, then returns {@code cause} for the caller to
     * throw. If the record cannot be updated, the bytes stay for the recovery to try again.
     */
    LakeException abandon(UploadRecord upload, String reason, LakeException cause) {
        try {
            markFailed(upload, reason);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        return cause;
    }

    /** Marks the upload failed and then deletes its bytes (the caller holds its lock). */
    void markFailed(UploadRecord upload, String reason) {
        services.uploads().updateState(upload.project(), upload.id(), UploadState.FAILED, null, reason, services.clock().instant());
        services.metadataDurability().run();
        staging.delete(upload.id());
        LOG.info("Upload {} failed: {}", upload.id(), reason);
    }

    /**
     * tus termination: a receiving upload is marked failed ("cancelled by the client") and its bytes deleted, so the
     * upload list still tells what happened. Cancelling a failed upload again does nothing; a stored one is refused.
     */
    void cancel(String project, String id) {
        UploadLocks.Held held = lockWithin(id, LOCK_WAIT);
        try {
            UploadRecord upload = find(project, id);
            if (upload.state() == UploadState.RECEIVING) {
                markFailed(upload, CANCELLED);
            } else if (upload.state() != UploadState.FAILED) {
                throw LakeException.of(ErrorCode.UPLOAD_NOT_RECEIVING,
                        "Upload %s is complete and stored as object %d: delete the object instead", id, upload.objectId());
            }
        } finally {
            held.release();
        }
    }

    /** The lock of the upload, waiting at most {@code wait}; a busy upload is a conflict the client resolves with HEAD. */
    UploadLocks.Held lockWithin(String id, Duration wait) {
        return locks.acquire(id, wait).orElseThrow(() -> LakeException.of(ErrorCode.UPLOAD_OFFSET_MISMATCH,
                "Another request is writing upload %s; ask its offset with HEAD and retry", id));
    }

    /** The lock of the upload if nobody holds it now (for the recovery, which skips busy uploads). */
    Optional<UploadLocks.Held> tryLock(String id) {
        return locks.tryAcquire(id);
    }
}
