package org.zonelake.ingest.objects;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.zonelake.ingest.service.ObjectNames;

/**
 * Names for the entries of one zip archive: each a safe single file name, unique ignoring case (archives are
 * unpacked on case-insensitive file systems too), a repeated name becoming {@code name (2).ext}, {@code name (3).ext}...
 */
final class ZipEntryNames {
    private final Set<String> taken = new HashSet<>();

    String next(String originalName) {
        String safe = ObjectNames.safeFileName(originalName);
        if (taken.add(key(safe))) {
            return safe;
        }
        int dot = safe.lastIndexOf('.');
        String stem = dot > 0 ? safe.substring(0, dot) : safe;
        String extension = dot > 0 ? safe.substring(dot) : "";
        for (int n = 2; ; n++) {
            String candidate = stem + " (" + n + ")" + extension;
            if (taken.add(key(candidate))) {
                return candidate;
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
