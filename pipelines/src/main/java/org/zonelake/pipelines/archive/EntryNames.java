package org.zonelake.pipelines.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Entry names as object names: separators made {@code /}, empty and {@code .} segments dropped. A name that could
 * point outside the archive (absolute, a drive letter, a {@code ..} segment) or holds a NUL is refused.
 */
final class EntryNames {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private EntryNames() {}

    /** The safe name of an entry; ArchiveRejectedException naming the entry otherwise. */
    static String normalise(String raw) throws ArchiveRejectedException {
        String name = raw.replace('\\', '/');
        if (name.indexOf('\0') >= 0) {
            throw refused(raw, "holds a NUL character");
        }
        if (name.startsWith("/")) {
            throw refused(raw, "is an absolute path");
        }
        if (DRIVE.matcher(name).matches()) {
            throw refused(raw, "names a drive");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw refused(raw, "could escape the archive (a '..' segment)");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            throw refused(raw, "has no name");
        }
        return String.join("/", segments);
    }

    private static ArchiveRejectedException refused(String raw, String why) {
        return new ArchiveRejectedException("entry '" + raw + "' " + why);
    }
}
