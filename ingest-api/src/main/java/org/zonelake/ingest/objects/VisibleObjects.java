package org.zonelake.ingest.objects;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.ObjectStatus;

/** Finds the objects a client may see: {@code STORED} ones. Pending and deleting objects do not exist for clients. */
public final class VisibleObjects {
    private final ObjectRepository objects;

    public VisibleObjects(ObjectRepository objects) {
        this.objects = requireNonNull(objects, "objects is null");
    }

    /** The object named by an {@code {id}} path segment; a segment that is no id names no object (404, not 400). */
    public ObjectDocument find(String project, String idText) {
        return find(project, parseId(idText).orElseThrow(() -> notFound(project, idText)));
    }

    public ObjectDocument find(String project, long id) {
        return objects.find(project, id)
                .filter(document -> document.status() == ObjectStatus.STORED)
                .orElseThrow(() -> notFound(project, Long.toString(id)));
    }

    public static OptionalLong parseId(String text) {
        if (text == null || text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static LakeException notFound(String project, String id) {
        return LakeException.of(ErrorCode.OBJECT_NOT_FOUND, "Object %s does not exist in project %s", id, project);
    }
}
