package org.zonelake.pipelines;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.process.ObjectStoredEvent;

/**
 * The step run while no processing pipeline exists: records in the object's document that the object is
 * catalogued. Idempotent per event: an existing {@code catalog} operation with the event id as run id is
 * kept as it is. An object deleted meanwhile needs nothing more.
 */
public final class CatalogOnlyStep implements PipelineStep {
    public static final String NAME = "catalog";
    static final String DETAIL = "catalogued in the metadata zone; no processing pipeline configured";
    private static final Logger LOG = LoggerFactory.getLogger(CatalogOnlyStep.class);

    private final ObjectRepository objects;
    private final Clock clock;

    public CatalogOnlyStep(ObjectRepository objects, Clock clock) {
        this.objects = requireNonNull(objects, "objects is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult run(ObjectStoredEvent event) {
        Optional<ObjectDocument> document = objects.find(event.project(), event.objectId());
        if (document.isEmpty() || document.get().status() == ObjectStatus.DELETING) {
            LOG.debug("Object {} of project {} is gone or going; nothing to catalogue", event.objectId(), event.project());
            return StepResult.succeeded();
        }
        if (alreadyCatalogued(document.get(), event.eventId())) {
            return StepResult.succeeded();
        }
        try {
            objects.appendOperation(event.project(), event.objectId(), new Operation(NAME, clock.instant(), DETAIL, event.eventId()), true);
        } catch (LakeException e) {
            if (e.code() != ErrorCode.OBJECT_NOT_FOUND) {
                throw e;
            }
            // Deleted between the read and the update.
        }
        return StepResult.succeeded();
    }

    private static boolean alreadyCatalogued(ObjectDocument document, String runId) {
        return document.successfulOperations().stream().anyMatch(op -> op.name().equals(NAME) && runId.equals(op.runId()));
    }
}
