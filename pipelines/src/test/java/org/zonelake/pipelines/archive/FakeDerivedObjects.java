package org.zonelake.pipelines.archive;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.process.DerivedObjects;

/**
 * Derived objects in memory, idempotent per (parent, name). An entry is stored only once its stream was read to
 * the end without failing, as a real store commits an object only when all its bytes arrived.
 */
final class FakeDerivedObjects implements DerivedObjects {
    private final FakeObjectRepository objects;
    private final Map<String, ObjectDocument> byParentAndName = new LinkedHashMap<>();
    private final Map<Long, byte[]> contents = new LinkedHashMap<>();
    private Predicate<String> refused = name -> false;
    private int stores;

    FakeDerivedObjects(FakeObjectRepository objects) {
        this.objects = requireNonNull(objects, "objects is null");
    }

    /** Refuses entries whose name matches, as a store over quota would. */
    void refuse(Predicate<String> names) {
        this.refused = names;
    }

    @Override
    public synchronized ObjectDocument store(ObjectDocument parent, String name, InputStream content) {
        String key = parent.id() + "/" + name;
        ObjectDocument existing = byParentAndName.get(key);
        if (existing != null) {
            return existing;
        }
        if (refused.test(name)) {
            throw new LakeException(ErrorCode.OBJECT_TOO_LARGE, "Cannot store " + name + ": quota reached");
        }
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectDocument stored = objects.stored(parent.project(), name, parent.id());
        byParentAndName.put(key, stored);
        contents.put(stored.id(), bytes);
        stores++;
        return stored;
    }

    synchronized List<ObjectDocument> stored() {
        return List.copyOf(byParentAndName.values());
    }

    synchronized byte[] content(String name) {
        return byParentAndName.values().stream().filter(d -> d.originalObjectName().equals(name))
                .map(d -> contents.get(d.id())).findFirst().orElseThrow(() -> new AssertionError("no entry " + name));
    }

    synchronized int stores() {
        return stores;
    }
}
