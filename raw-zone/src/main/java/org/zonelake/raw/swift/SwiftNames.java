package org.zonelake.raw.swift;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.raw.ObjectKey;

/**
 * The lake's names in a Swift account: a container {@code <prefix><project>} per project, its segments in
 * {@code <prefix><project>_segments} (the name {@code swift upload} uses too, and the one the webhook filter ignores), and
 * segment names {@code <storage name>/<upload id>/<index>}. So that no project's container is another one's segments
 * container, project names ending in {@code _segments} are refused ({@code INVALID_NAME}).
 */
record SwiftNames(String prefix) {
    static final String SEGMENTS_SUFFIX = "_segments";
    private static final int MAX_OBJECT_NAME_BYTES = 1024;

    SwiftNames {
        requireNonNull(prefix, "prefix is null");
    }

    String container(String project) {
        if (project.endsWith(SEGMENTS_SUFFIX)) {
            throw LakeException.of(ErrorCode.INVALID_NAME, "Project %s cannot have objects in Swift: names ending in %s are reserved "
                    + "for the containers of large objects' segments", project, SEGMENTS_SUFFIX);
        }
        return prefix + project;
    }

    static String segmentsOf(String container) {
        return container + SEGMENTS_SUFFIX;
    }

    static String segmentName(String storageName, String uploadId, int index) {
        return storageName + "/" + uploadId + "/" + String.format("%06d", index);
    }

    /** The project of one of the lake's project containers; never a segments container. */
    Optional<String> projectOf(String container) {
        if (container == null || !container.startsWith(prefix) || container.endsWith(SEGMENTS_SUFFIX)) {
            return Optional.empty();
        }
        String project = container.substring(prefix.length());
        return isProject(project) ? Optional.of(project) : Optional.empty();
    }

    /** Only {@link ObjectKey} decides which project names are safe. */
    static boolean isProject(String project) {
        try {
            new ObjectKey(project, "probe");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isStorageName(String name) {
        try {
            new ObjectKey("probe", name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The project, or {@code LakeException(INVALID_NAME)}. */
    static String requireProject(String project) {
        requireNonNull(project, "project is null");
        try {
            return new ObjectKey(project, "probe").project();
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCode.INVALID_NAME, e.getMessage(), e);
        }
    }

    /**
     * A name another client gave an object. Swift allows nearly anything; names whose path segments are empty, {@code .}
     * or {@code ..} cannot be addressed through a URL faithfully and are refused with {@code INVALID_NAME}.
     */
    static String requireForeignName(String name) {
        requireNonNull(name, "name is null");
        boolean addressable = !name.isEmpty() && name.getBytes(StandardCharsets.UTF_8).length <= MAX_OBJECT_NAME_BYTES;
        for (String segment : name.split("/", -1)) {
            addressable &= !segment.isEmpty() && !segment.equals(".") && !segment.equals("..");
        }
        if (!addressable) {
            throw LakeException.of(ErrorCode.INVALID_NAME, "Cannot address the Swift object named '%s': empty, '.' or '..' path segments "
                    + "or more than %d bytes", name, MAX_OBJECT_NAME_BYTES);
        }
        return name;
    }
}
