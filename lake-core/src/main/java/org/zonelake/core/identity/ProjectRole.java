package org.zonelake.core.identity;

import java.util.Locale;

/** Roles within a project, each including the rights of the ones before it. */
public enum ProjectRole {
    /** Reads objects, metadata and processed data. */
    READER,
    /** Also uploads, deletes objects and edits metadata. */
    MEMBER,
    /** Also manages the project's templates and settings. */
    ADMIN;

    public boolean includes(ProjectRole other) {
        return compareTo(other) >= 0;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProjectRole fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
