package org.zonelake.ingest.service;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.zonelake.core.config.LimitsConfig;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.metadata.TemplateValidator;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineTrigger;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.core.raw.StoredBlob;

/**
 * Stores objects in the raw zone and describes them in the metadata zone, so that an object is visible only once
 * both its bytes and its document are durable, and a failure at any point leaves neither behind.
 *
 * <p>Order: validate → allocate id → insert a PENDING document (invisible) → stream bytes to the raw zone →
 * mark STORED → durability barrier → hand the event to the process zone. A failure before STORED deletes what was
 * written; a crash is cleaned up by {@link Sweeper}. The event is handed over after the document is durable, so the
 * process zone never sees an object it cannot find; if the hand-over fails, the sweeper retries it.
 */
public final class IngestService {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final ObjectStore objectStore;
    private final ObjectRepository objects;
    private final TemplateRepository templates;
    private final PipelineTrigger trigger;
    private final Runnable metadataDurability;
    private final ContentTypeDetector detector;
    private final LimitsConfig limits;
    private final Clock clock;

    public IngestService(ObjectStore objectStore, ObjectRepository objects, TemplateRepository templates, PipelineTrigger trigger,
                         Runnable metadataDurability, ContentTypeDetector detector, LimitsConfig limits, Clock clock) {
        this.objectStore = requireNonNull(objectStore, "objectStore is null");
        this.objects = requireNonNull(objects, "objects is null");
        this.templates = requireNonNull(templates, "templates is null");
        this.trigger = requireNonNull(trigger, "trigger is null");
        this.metadataDurability = requireNonNull(metadataDurability, "metadataDurability is null");
        this.detector = requireNonNull(detector, "detector is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Checks the name, template and metadata of a request before any byte is read, and returns the request with the
     * name and metadata normalised. Throws {@code INVALID_NAME}, {@code UNKNOWN_TEMPLATE} or {@code INVALID_METADATA}.
     */
    public StoreRequest check(StoreRequest request) {
        String name = ObjectNames.checkOriginalName(request.originalName(), limits.maxNameLength());
        Map<String, Object> metadata = request.metadata();
        if (request.template() != null) {
            metadata = TemplateValidator.validate(template(request.project(), request.template()), metadata);
        } else if (!metadata.isEmpty()) {
            throw new LakeException(ErrorCode.INVALID_METADATA, "Metadata values need a template: name one with \"template\"");
        }
        return new StoreRequest(request.project(), request.uploader(), name, request.template(), metadata,
                request.dataProcessing(), request.application(), request.description());
    }

    /** Streams the content into the lake and returns the visible document. The caller closes the stream. */
    public ObjectDocument store(StoreRequest request, InputStream content) {
        return store(request, content, stored -> {});
    }

    /**
     * As {@link #store(StoreRequest, InputStream)}, running {@code beforeHandOver} once the object is durable and
     * before the process zone hears of it: upload tracking records the object id there, so that the process zone's
     * state updates always find it.
     */
    public ObjectDocument store(StoreRequest request, InputStream content, Consumer<ObjectDocument> beforeHandOver) {
        return store(request, null, content, beforeHandOver);
    }

    /** As {@link #store(StoreRequest, InputStream)} for an object derived from {@code parentId} (an entry of an archive). */
    public ObjectDocument storeDerived(StoreRequest request, long parentId, InputStream content) {
        return store(request, parentId, content, stored -> {});
    }

    private ObjectDocument store(StoreRequest request, Long parentId, InputStream content, Consumer<ObjectDocument> beforeHandOver) {
        StoreRequest checked = check(request);
        long id = objects.allocateId(checked.project());
        String storageName = Long.toString(id);
        ObjectKey key = new ObjectKey(checked.project(), storageName);
        MDC.put("object_id", storageName);
        try {
            ObjectDocument pending = ObjectDocument.pending(checked.project(), id, storageName, checked.originalName(), checked.uploader(),
                    checked.dataProcessing(), checked.application(), checked.description(), checked.template(), checked.metadata(),
                    clock.instant());
            objects.insert(parentId == null ? pending : pending.withParent(parentId));
            ObjectDocument stored = writeAndPublish(checked, id, key, content);
            LOG.info("Stored object {} '{}' of {} bytes as {}", id, stored.originalObjectName(), stored.size(), stored.contentType());
            runQuietly(beforeHandOver, stored);
            handOver(stored);
            return stored;
        } finally {
            MDC.remove("object_id");
        }
    }

    private ObjectDocument writeAndPublish(StoreRequest request, long id, ObjectKey key, InputStream content) {
        boolean written = false;
        try {
            BufferedInputStream peekable = ContentTypeDetector.peekable(new LimitedInputStream(content, limits.maxObjectBytes()));
            String contentType = detector.detect(peekable, request.originalName());
            requireAccepted(request, contentType);
            StoredBlob blob = objectStore.put(key, peekable);
            written = true;
            ObjectDocument stored = objects.markStored(request.project(), id, blob, contentType, clock.instant());
            metadataDurability.run();
            return stored;
        } catch (RuntimeException | Error e) {
            discard(key, id, written, e);
            throw e;
        }
    }

    private void requireAccepted(StoreRequest request, String contentType) {
        if (request.template() != null && !template(request.project(), request.template()).accepts(contentType)) {
            throw LakeException.of(ErrorCode.CONTENT_TYPE_NOT_ACCEPTED, "Template %s does not accept objects of type %s",
                    request.template(), contentType);
        }
    }

    /** Removes what a failed store wrote; what cannot be removed now is left to the sweeper. */
    private void discard(ObjectKey key, long id, boolean written, Throwable cause) {
        LOG.info("Discarding object {} after a failed store: {}", id, cause.toString());
        try {
            if (written) {
                objectStore.delete(key);
            }
            objects.remove(key.project(), id);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.warn("Could not discard object {} now; the sweeper will", id, e);
        }
    }

    /** The object is stored whatever the callback does: its failure is logged, not thrown. */
    private static void runQuietly(Consumer<ObjectDocument> callback, ObjectDocument stored) {
        try {
            callback.accept(stored);
        } catch (RuntimeException e) {
            LOG.error("Object {} of project {} is stored, but recording it failed", stored.id(), stored.project(), e);
        }
    }

    /** Hands the "object stored" event to the process zone; on failure the sweeper hands it over later. */
    public void handOver(ObjectDocument stored) {
        try {
            trigger.objectStored(eventOf(stored));
            objects.markTriggered(stored.project(), stored.id(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Could not hand object {} of project {} to the process zone yet; will retry", stored.id(), stored.project(), e);
        }
    }

    /** Deletes a visible object: hidden first, then its bytes, then its document. Throws {@code OBJECT_NOT_FOUND}. */
    public void delete(String project, long id) {
        ObjectDocument document = objects.find(project, id)
                .filter(d -> d.status() == org.zonelake.core.metadata.ObjectStatus.STORED)
                .orElseThrow(() -> LakeException.of(ErrorCode.OBJECT_NOT_FOUND, "Object %d does not exist in project %s", id, project));
        if (!objects.markDeleting(project, id, clock.instant())) {
            throw LakeException.of(ErrorCode.OBJECT_NOT_FOUND, "Object %d does not exist in project %s", id, project);
        }
        finishDelete(document);
    }

    /** Removes the bytes and then the document of an object already marked DELETING (or a dead PENDING one). */
    public void finishDelete(ObjectDocument document) {
        objectStore.delete(new ObjectKey(document.project(), document.storageName()));
        objects.remove(document.project(), document.id());
        metadataDurability.run();
        LOG.info("Deleted object {} of project {}", document.id(), document.project());
    }

    public static ObjectStoredEvent eventOf(ObjectDocument stored) {
        return new ObjectStoredEvent(stored.project(), stored.id(), stored.storageName(), stored.contentType(), stored.size(),
                stored.sha256(), stored.template(), stored.uploader(), stored.lastModified() == null ? Instant.EPOCH : stored.lastModified());
    }

    private MetadataTemplate template(String project, String name) {
        return templates.find(project, name)
                .orElseThrow(() -> LakeException.of(ErrorCode.UNKNOWN_TEMPLATE, "Template %s does not exist in project %s", name, project));
    }
}
