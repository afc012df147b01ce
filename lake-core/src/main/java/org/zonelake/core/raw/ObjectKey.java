package org.zonelake.core.raw;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Where an object's bytes live in the raw zone: a project (Swift container) and a storage name.
 * Storage names are chosen by the lake (never the client's file name), so they are safe as file and URL segments.
 */
public record ObjectKey(String project, String name) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    public ObjectKey {
        requireNonNull(project, "project is null");
        requireNonNull(name, "name is null");
        if (!SAFE.matcher(project).matches() || project.contains("..")) {
            throw new IllegalArgumentException("Unsafe project in object key: " + project);
        }
        if (!SAFE.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("Unsafe storage name in object key: " + name);
        }
    }

    @Override
    public String toString() {
        return project + "/" + name;
    }
}
