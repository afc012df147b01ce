package org.zonelake.webhook;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.raw.ForeignObject;
import org.zonelake.core.raw.ForeignObjects;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.core.raw.StoredBlob;

/**
 * Takes an object written straight into Swift into the lake, in the gateway's order: a PENDING document under a new
 * id, then the bytes under the lake's storage name (the id), then STORED.
 *
 * <p>Failures: while the foreign name still exists, whatever was written (the copy, the PENDING document) is removed
 * at once, or by the sweeper if that fails, and the event's redelivery adopts afresh. Once the foreign name is gone
 * the bytes exist only under the lake's name: then nothing is deleted, the PENDING document stays, and the event's
 * redelivery finishes the adoption ({@link #resume}).
 */
final class ForeignObjectAdopter {
    private static final Logger LOG = LoggerFactory.getLogger(ForeignObjectAdopter.class);
    static final String APPLICATION = "swift";
    private static final int PENDING_SCAN = 500;

    private final ObjectRepository objects;
    private final ObjectStore objectStore;
    private final ForeignObjects foreignObjects;
    private final ContentTypeResolver contentTypes;
    private final String uploader;
    private final Clock clock;

    ForeignObjectAdopter(ObjectRepository objects, ObjectStore objectStore, ForeignObjects foreignObjects, ContentTypeResolver contentTypes,
                         String uploader, Clock clock) {
        this.objects = requireNonNull(objects, "objects is null");
        this.objectStore = requireNonNull(objectStore, "objectStore is null");
        this.foreignObjects = requireNonNull(foreignObjects, "foreignObjects is null");
        this.contentTypes = requireNonNull(contentTypes, "contentTypes is null");
        this.uploader = requireNonNull(uploader, "uploader is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The STORED document of the adopted object, or empty if the object vanished before it could be taken. */
    Optional<ObjectDocument> adopt(String project, SwiftEvent event, ForeignObject foreign) {
        long id = objects.allocateId(project);
        ObjectKey key = new ObjectKey(project, Long.toString(id));
        objects.insert(ObjectDocument.pending(project, id, key.name(), foreign.name(), uploader, null, APPLICATION, null, null, Map.of(),
                clock.instant()));
        StoredBlob blob;
        try {
            blob = foreignObjects.adopt(project, foreign.name(), key);
        } catch (RuntimeException e) {
            return abandon(key, id, foreign.name(), e);
        }
        return Optional.of(finish(key, id, foreign.name(), declared(event, foreign), blob));
    }

    /**
     * Finishes an adoption that a failure interrupted after the foreign name was removed: the PENDING document of
     * the name, if any, becomes STORED with the bytes under its storage name. Empty if there is none.
     */
    Optional<ObjectDocument> resume(String project, SwiftEvent event) {
        Optional<ObjectDocument> interrupted = objects.findStale(ObjectStatus.PENDING, clock.instant().plusMillis(1), PENDING_SCAN).stream()
                .filter(d -> d.project().equals(project) && d.uploader().equals(uploader) && APPLICATION.equals(d.application())
                        && d.originalObjectName().equals(event.objectName()))
                .findFirst();
        if (interrupted.isEmpty()) {
            return Optional.empty();
        }
        ObjectDocument pending = interrupted.get();
        ObjectKey key = new ObjectKey(project, pending.storageName());
        Optional<StoredBlob> blob = objectStore.stat(key);
        if (blob.isEmpty()) {
            LOG.info("Removing the document of object {}: its adoption from Swift name '{}' never copied the bytes", pending.id(),
                    pending.originalObjectName());
            objects.remove(project, pending.id());
            return Optional.empty();
        }
        LOG.info("Resuming the interrupted adoption of Swift name '{}' as object {}", pending.originalObjectName(), pending.id());
        return Optional.of(finish(key, pending.id(), pending.originalObjectName(), declared(event, null), blob.get()));
    }

    private ObjectDocument finish(ObjectKey key, long id, String name, String declared, StoredBlob blob) {
        try {
            return objects.markStored(key.project(), id, blob, contentTypes.contentType(key, name, declared), clock.instant());
        } catch (LakeException e) {
            if (e.code() == ErrorCode.OBJECT_NOT_FOUND) {
                // A concurrent delivery finished this adoption first.
                return objects.find(key.project(), id).filter(d -> d.status() == ObjectStatus.STORED).orElseThrow(() -> e);
            }
            throw interrupted(key, id, name, e);
        } catch (RuntimeException e) {
            throw interrupted(key, id, name, e);
        }
    }

    private RuntimeException interrupted(ObjectKey key, long id, String name, RuntimeException e) {
        LOG.warn("Adoption of Swift name '{}' as object {} stopped after the bytes moved to {}; its redelivery finishes it", name, id, key, e);
        return e;
    }

    private Optional<ObjectDocument> abandon(ObjectKey key, long id, String name, RuntimeException cause) {
        boolean vanished = cause instanceof LakeException lake && lake.code() == ErrorCode.OBJECT_NOT_FOUND;
        if (vanished || stillForeign(key.project(), name, cause)) {
            discard(key, id, cause);
            if (vanished) {
                return Optional.empty();
            }
        } else {
            LOG.warn("Adoption of Swift name '{}' as object {} failed after the foreign name was removed; its redelivery finishes it",
                    name, id);
        }
        throw cause;
    }

    private boolean stillForeign(String project, String name, RuntimeException cause) {
        try {
            return foreignObjects.stat(project, name).filter(o -> !o.writtenByLake()).isPresent();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    /** Removes what a failed adoption wrote; what cannot be removed now is left to the sweeper. */
    private void discard(ObjectKey key, long id, RuntimeException cause) {
        try {
            objectStore.delete(key);
            objects.remove(key.project(), id);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.warn("Could not discard object {} of a failed adoption now; the sweeper will", id, e);
        }
    }

    private static String declared(SwiftEvent event, ForeignObject foreign) {
        if (!event.contentType().isBlank()) {
            return event.contentType();
        }
        return foreign == null || foreign.contentType() == null ? "" : foreign.contentType();
    }
}
