package org.zonelake.webhook;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineTrigger;
import org.zonelake.core.raw.ForeignObject;
import org.zonelake.core.raw.ForeignObjects;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;

/** What an authentic, new event does to the lake, once its container is known to be a project's. */
final class SwiftEventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SwiftEventHandler.class);
    /** The lake names objects by their id (see the gateway's IngestService). */
    private static final Pattern STORAGE_NAME = Pattern.compile("[0-9]{1,18}");

    private final ObjectRepository objects;
    private final ObjectStore objectStore;
    private final ForeignObjects foreignObjects;
    private final PipelineTrigger trigger;
    private final ForeignObjectAdopter adopter;
    private final Clock clock;
    final LongAdder adopted = new LongAdder();
    final LongAdder bytesMissing = new LongAdder();

    SwiftEventHandler(ObjectRepository objects, ObjectStore objectStore, ForeignObjects foreignObjects, PipelineTrigger trigger,
                      ForeignObjectAdopter adopter, Clock clock) {
        this.objects = requireNonNull(objects, "objects is null");
        this.objectStore = requireNonNull(objectStore, "objectStore is null");
        this.foreignObjects = requireNonNull(foreignObjects, "foreignObjects is null");
        this.trigger = requireNonNull(trigger, "trigger is null");
        this.adopter = requireNonNull(adopter, "adopter is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    ReceiveResult handle(String project, SwiftEvent event) {
        return switch (event.method()) {
            case "PUT", "COPY" -> written(project, event, true);
            case "POST" -> written(project, event, false);
            default -> deleted(project, event);
        };
    }

    private ReceiveResult written(String project, SwiftEvent event, boolean newContent) {
        Optional<ObjectDocument> document = lakeDocument(project, event.objectName());
        if (document.isPresent()) {
            return lakeObjectWritten(document.get());
        }
        if (!newContent) {
            return ReceiveResult.ignored("%s: a metadata change of an object the lake does not know", event.describe());
        }
        Optional<ForeignObject> foreign;
        try {
            foreign = foreignObjects.stat(project, event.objectName());
        } catch (LakeException e) {
            if (e.code() != ErrorCode.INVALID_NAME) {
                throw e;
            }
            return ReceiveResult.ignored("%s: the raw zone cannot address this name (%s)", event.describe(), e.getMessage());
        }
        if (foreign.isEmpty()) {
            return adopter.resume(project, event).map(stored -> adoptedAndHandedOver(stored, event))
                    .orElseGet(() -> ReceiveResult.ignored("%s: nothing is stored under the name any more", event.describe()));
        }
        if (foreign.get().writtenByLake()) {
            return ReceiveResult.ignored("%s: written by the lake but without a document (a failed store, the sweeper's)", event.describe());
        }
        return adopter.adopt(project, event, foreign.get()).map(stored -> adoptedAndHandedOver(stored, event))
                .orElseGet(() -> ReceiveResult.ignored("%s: the object vanished before it could be adopted", event.describe()));
    }

    private ReceiveResult lakeObjectWritten(ObjectDocument document) {
        return switch (document.status()) {
            case STORED -> {
                handOver(document);
                yield ReceiveResult.accepted("Object %d of project %s handed to the process zone", document.id(), document.project());
            }
            case PENDING -> ReceiveResult.ignored("Object %d of project %s is still being stored; its writer hands it over",
                    document.id(), document.project());
            case DELETING -> ReceiveResult.ignored("Object %d of project %s is being deleted", document.id(), document.project());
        };
    }

    private ReceiveResult adoptedAndHandedOver(ObjectDocument stored, SwiftEvent event) {
        adopted.increment();
        LOG.info("Adopted Swift object '{}' of project {} as object {} ({} bytes, {})", stored.originalObjectName(), stored.project(),
                stored.id(), stored.size(), stored.contentType());
        handOver(stored);
        return ReceiveResult.accepted("%s adopted as object %d of project %s", event.describe(), stored.id(), stored.project());
    }

    /**
     * A DELETE is the lake's own (the gateway deletes the document too) unless a STORED document is left whose bytes
     * are gone: someone deleted them in Swift directly. The document is kept (it holds the object's lineage) and the
     * loss is logged and counted, for an operator to decide.
     */
    private ReceiveResult deleted(String project, SwiftEvent event) {
        Optional<ObjectDocument> document = lakeDocument(project, event.objectName()).filter(d -> d.status() == ObjectStatus.STORED);
        if (document.isEmpty()) {
            return ReceiveResult.ignored("%s: no stored lake object has this name", event.describe());
        }
        ObjectDocument stored = document.get();
        if (objectStore.stat(new ObjectKey(project, stored.storageName())).isPresent()) {
            return ReceiveResult.ignored("%s: the bytes of object %d are still there", event.describe(), stored.id());
        }
        bytesMissing.increment();
        LOG.error("The bytes of object {} of project {} ('{}') were deleted in Swift directly ({}); its document stays, without bytes",
                stored.id(), project, stored.originalObjectName(), event.describe());
        return ReceiveResult.accepted("%s: object %d of project %s has lost its bytes", event.describe(), stored.id(), project);
    }

    private Optional<ObjectDocument> lakeDocument(String project, String name) {
        if (!STORAGE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return objects.find(project, Long.parseLong(name)).filter(d -> d.storageName().equals(name));
    }

    /** The trigger de-duplicates; a failed hand-over is retried by the gateway's sweeper (the document stays untriggered). */
    private void handOver(ObjectDocument stored) {
        try {
            trigger.objectStored(eventOf(stored));
            if (stored.triggeredAt() == null) {
                objects.markTriggered(stored.project(), stored.id(), clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not hand object {} of project {} to the process zone yet; the sweeper will", stored.id(), stored.project(), e);
        }
    }

    /** As the gateway's {@code IngestService.eventOf}. */
    static ObjectStoredEvent eventOf(ObjectDocument stored) {
        return new ObjectStoredEvent(stored.project(), stored.id(), stored.storageName(), stored.contentType(), stored.size(),
                stored.sha256(), stored.template(), stored.uploader(), stored.lastModified() == null ? Instant.EPOCH : stored.lastModified());
    }
}
