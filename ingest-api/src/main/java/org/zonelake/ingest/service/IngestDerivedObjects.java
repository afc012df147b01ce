package org.zonelake.ingest.service;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.config.LimitsConfig;
import org.zonelake.core.metadata.CatalogQuery;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.process.DerivedObjects;

/**
 * Stores the entries of an archive as objects of their own through {@link IngestService}: in the parent's project,
 * uploaded by the parent's uploader, without a template, their type detected, catalogued and handed to the process
 * zone like any upload, with {@code parent_id} set.
 *
 * <p>Idempotent per (parent, entry name): the entry's description is a marker made of both ("Entry a.csv of archive
 * object 12"), looked up in the catalog before storing, so that a redo of the unpacking finds the entries stored the
 * first time. The catalog has no index on descriptions: the lookup scans the project's objects created since the
 * parent, which is what a redo costs until the metadata zone offers a lookup by parent.
 */
public final class IngestDerivedObjects implements DerivedObjects {
    public static final String APPLICATION = "zonelake-process-zone";
    private static final Logger LOG = LoggerFactory.getLogger(IngestDerivedObjects.class);
    private static final int PAGE = CatalogQuery.MAX_LIMIT;

    private final IngestService ingest;
    private final ObjectRepository objects;
    private final LimitsConfig limits;

    public IngestDerivedObjects(IngestService ingest, ObjectRepository objects, LimitsConfig limits) {
        this.ingest = requireNonNull(ingest, "ingest is null");
        this.objects = requireNonNull(objects, "objects is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    @Override
    public ObjectDocument store(ObjectDocument parent, String name, InputStream content) {
        requireNonNull(parent, "parent is null");
        requireNonNull(content, "content is null");
        String entry = ObjectNames.checkOriginalName(name, limits.maxNameLength());
        String marker = marker(parent.id(), entry);
        Optional<ObjectDocument> earlier = first(parent, marker, document -> marker.equals(document.description()));
        if (earlier.isPresent()) {
            LOG.info("Entry '{}' of object {} was stored before as object {}", entry, parent.id(), earlier.get().id());
            return earlier.get();
        }
        StoreRequest request = new StoreRequest(parent.project(), parent.uploader(), entry, null, Map.of(), null, APPLICATION, marker);
        return ingest.storeDerived(request, parent.id(), content);
    }

    /** Ids of the visible objects derived from {@code parent}, oldest first, at most {@code limit}. */
    public List<Long> children(ObjectDocument parent, int limit) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<ObjectDocument> page = objects.search(query(parent, "of archive object " + parent.id(), cursor));
            page.items().stream().filter(document -> isChild(parent, document)).map(ObjectDocument::id).forEach(ids::add);
            cursor = page.nextCursor();
        } while (cursor != null && ids.size() < limit);
        return ids.size() > limit ? List.copyOf(ids.subList(0, limit)) : ids;
    }

    /** The description that marks an entry: readable, and unique per (parent, entry name). */
    static String marker(long parentId, String entryName) {
        return "Entry " + entryName + " of archive object " + parentId;
    }

    private Optional<ObjectDocument> first(ObjectDocument parent, String marker, Predicate<ObjectDocument> exact) {
        String cursor = null;
        do {
            Page<ObjectDocument> page = objects.search(query(parent, marker, cursor));
            Optional<ObjectDocument> found = page.items().stream().filter(document -> isChild(parent, document)).filter(exact).findFirst();
            if (found.isPresent()) {
                return found;
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return Optional.empty();
    }

    /** Objects created since the parent whose name or description holds {@code text}, oldest first. */
    private static CatalogQuery query(ObjectDocument parent, String text, String cursor) {
        return new CatalogQuery(parent.project(), null, parent.creationDate(), null, null, Map.of(), text, CatalogQuery.SortField.ID,
                false, PAGE, cursor);
    }

    private static boolean isChild(ObjectDocument parent, ObjectDocument document) {
        return Long.valueOf(parent.id()).equals(document.parentId());
    }
}
