package org.zonelake.core.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.regex.Pattern;

/** A project: the unit of isolation (Swift container, metadata namespace, gold-zone database or schema). */
public record Project(String name, String description, Instant createdAt) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public Project {
        requireValidName(name);
        description = description == null ? "" : description;
        requireNonNull(createdAt, "createdAt is null");
    }

    /** Project names are safe everywhere a project name goes: containers, schemas, URLs, file names. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static void requireValidName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("Project name '" + name + "' must be 1 to 63 lower-case letters, digits, _ or -, starting with a letter or digit");
        }
    }
}
