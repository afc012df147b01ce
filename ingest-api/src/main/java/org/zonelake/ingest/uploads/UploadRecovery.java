package org.zonelake.ingest.uploads;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.metadata.UploadKind;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.ingest.GatewayServices;

/**
 * Finishes what a crash or a vanished client left of uploads; the server runs it at start-up and every
 * housekeeping interval. It stores uploads whose bytes all arrived but that were never stored,
 * marks uploads idle for longer than {@link UploadConfig#expiry()} failed ("expired") and deletes their bytes, and
 * deletes staging files that belong to no receiving upload. Uploads a request is working on are skipped.
 */
public final class UploadRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(UploadRecovery.class);
    private static final int BATCH = 500;
    static final String EXPIRED = "expired: no bytes arrived for %s";
    static final String INTERRUPTED = "interrupted: the request ended without the object being stored";

    private final GatewayServices services;
    private final UploadConfig config;
    private final ResumableUploads uploads;

    public UploadRecovery(GatewayServices services, UploadConfig config) {
        this.services = requireNonNull(services, "services is null");
        this.config = requireNonNull(config, "config is null");
        this.uploads = new ResumableUploads(services);
    }

    /** One pass; returns how many uploads and staging files it fixed. */
    public int recover(Instant now) {
        int fixed = expireIdle(now) + finishComplete(now) + removeOrphans();
        if (fixed > 0) {
            LOG.info("Upload recovery fixed {} uploads or staging files", fixed);
        }
        return fixed;
    }

    /**
     * The pass to run once when the server starts, before it serves requests: {@link #recover} plus, since no request
     * of the previous run can still be streaming, single-request uploads it left receiving are marked failed at once
     * rather than after the expiry. Resumable ones stay: their clients may resume them.
     */
    public int recoverAtStartUp(Instant startedAt) {
        int interrupted = 0;
        for (UploadRecord upload : services.uploads().findIdle(startedAt, BATCH)) {
            if (upload.kind() == UploadKind.SINGLE_REQUEST) {
                interrupted += underLock(upload, receiving -> uploads.markFailed(receiving, INTERRUPTED));
            }
        }
        return interrupted + recover(startedAt);
    }

    /** Idle uploads: complete ones are stored (all their bytes are there), the others expire. */
    private int expireIdle(Instant now) {
        Instant before = now.minus(config.expiry());
        int fixed = 0;
        while (true) {
            List<UploadRecord> idle = services.uploads().findIdle(before, BATCH);
            int done = 0;
            for (UploadRecord upload : idle) {
                done += isComplete(upload) ? finish(upload) : expire(upload);
            }
            fixed += done;
            if (idle.size() < BATCH || done == 0) {
                return fixed;
            }
        }
    }

    /** Uploads whose last byte arrived but whose storing a crash interrupted. */
    private int finishComplete(Instant now) {
        int fixed = 0;
        for (UploadRecord upload : services.uploads().findIdle(now, BATCH)) {
            if (isComplete(upload)) {
                fixed += finish(upload);
            }
        }
        return fixed;
    }

    private static boolean isComplete(UploadRecord upload) {
        return upload.kind() == UploadKind.RESUMABLE && upload.length() != null && upload.bytesReceived() == upload.length();
    }

    private int finish(UploadRecord candidate) {
        return underLock(candidate, upload -> {
            if (isComplete(upload)) {
                uploads.finish(upload);
                LOG.info("Recovery stored upload {} of project {}", upload.id(), upload.project());
            }
        });
    }

    private int expire(UploadRecord candidate) {
        String reason = candidate.kind() == UploadKind.RESUMABLE ? String.format(EXPIRED, config.expiry()) : INTERRUPTED;
        return underLock(candidate, upload -> uploads.markFailed(upload, reason));
    }

    /** Runs the fix on a fresh copy of the upload if nobody works on it and it is still receiving; 1 if it ran. */
    private int underLock(UploadRecord candidate, Consumer<UploadRecord> fix) {
        Optional<UploadLocks.Held> lock = uploads.tryLock(candidate.id());
        if (lock.isEmpty()) {
            return 0;
        }
        try {
            Optional<UploadRecord> fresh = services.uploads().find(candidate.project(), candidate.id())
                    .filter(upload -> upload.state() == UploadState.RECEIVING);
            fresh.ifPresent(fix);
            return fresh.isPresent() ? 1 : 0;
        } catch (RuntimeException e) {
            LOG.warn("Recovery could not fix upload {} of project {}", candidate.id(), candidate.project(), e);
            return 0;
        } finally {
            lock.get().release();
        }
    }

    /** Staging files whose upload is unknown, or no longer receiving, hold bytes nobody will ask for. */
    private int removeOrphans() {
        int removed = 0;
        StagingArea staging = uploads.staging();
        for (String id : staging.ids()) {
            Optional<UploadLocks.Held> lock = uploads.tryLock(id);
            if (lock.isEmpty()) {
                continue;
            }
            try {
                if (!isReceiving(staging, id)) {
                    staging.delete(id);
                    removed++;
                    LOG.info("Recovery deleted the staging files of upload {}, which is not receiving", id);
                }
            } catch (RuntimeException e) {
                LOG.warn("Recovery could not check the staging files of upload {}", id, e);
            } finally {
                lock.get().release();
            }
        }
        return removed;
    }

    private boolean isReceiving(StagingArea staging, String id) {
        return staging.find(id)
                .flatMap(staged -> services.uploads().find(staged.project(), id))
                .filter(upload -> upload.state() == UploadState.RECEIVING)
                .isPresent();
    }
}
