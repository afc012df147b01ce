package org.zonelake.ingest.service;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.ObjectStatus;

/**
 * Finishes what a crash interrupted: removes objects left PENDING by a dead writer and objects left DELETING by a
 * dead deleter, and hands over events of stored objects that never reached the process zone.
 */
public final class Sweeper {
    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
    private static final int BATCH = 500;

    private final ObjectRepository objects;
    private final IngestService ingest;
    private final Clock clock;

    public Sweeper(ObjectRepository objects, IngestService ingest, Clock clock) {
        this.objects = requireNonNull(objects, "objects is null");
        this.ingest = requireNonNull(ingest, "ingest is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * One pass. {@code pendingGrace}: a PENDING document untouched for longer belongs to a dead writer (the
     * all-in-one server, the only writer, passes its start time on start-up). Returns how many objects it fixed.
     */
    public int sweep(Instant pendingBefore, Duration deletingGrace) {
        int fixed = removeDead(objects.findStale(ObjectStatus.PENDING, pendingBefore, BATCH));
        fixed += removeDead(objects.findStale(ObjectStatus.DELETING, clock.instant().minus(deletingGrace), BATCH));
        List<ObjectDocument> untriggered = objects.findUntriggered(BATCH);
        untriggered.forEach(ingest::handOver);
        fixed += untriggered.size();
        if (fixed > 0) {
            LOG.info("Sweeper fixed {} objects left behind by interrupted work", fixed);
        }
        return fixed;
    }

    private int removeDead(List<ObjectDocument> dead) {
        int removed = 0;
        for (ObjectDocument document : dead) {
            try {
                ingest.finishDelete(document);
                removed++;
            } catch (RuntimeException e) {
                LOG.warn("Sweeper could not remove object {} of project {}", document.id(), document.project(), e);
            }
        }
        return removed;
    }
}
