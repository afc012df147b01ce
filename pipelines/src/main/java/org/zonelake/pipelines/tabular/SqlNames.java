package org.zonelake.pipelines.tabular;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.zonelake.core.gold.sql.SqlStore;

/**
 * Gold-zone identifiers made from what users wrote: lower case, accents dropped, every run of characters
 * outside {@code [a-z0-9_]} one {@code _}, a leading digit prefixed with {@code _}, at most 63 characters.
 */
public final class SqlNames {
    /** Longest identifier the gold zone takes (PostgreSQL's limit). */
    public static final int MAX_LENGTH = 63;
    /** Suffix of the table a table's bad rows go to. */
    public static final String QUARANTINE_SUFFIX = "_quarantine";
    /** Longest base name of a table, leaving room for {@link #QUARANTINE_SUFFIX}. */
    public static final int MAX_TABLE_LENGTH = MAX_LENGTH - QUARANTINE_SUFFIX.length();

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

    private SqlNames() {}

    /** {@code raw} as an identifier of at most {@code maxLength} characters, or {@code fallback} if nothing is left. */
    public static String identifier(String raw, String fallback, int maxLength) {
        String plain = MARKS.matcher(Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFD)).replaceAll("");
        String name = OTHER.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("_");
        name = trimUnderscores(name);
        if (name.isEmpty()) {
            name = fallback;
        }
        if (Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        return trimTrailing(truncate(name, maxLength));
    }

    /**
     * Column names for the given headers, in order: sanitised, empty ones named {@code column_<n>}, repeated
     * ones (and the lake's provenance columns) suffixed {@code _2}, {@code _3}...
     */
    public static List<String> columnNames(List<String> headers) {
        Set<String> taken = new HashSet<>(List.of(SqlStore.OBJECT_COLUMN, SqlStore.RUN_COLUMN));
        List<String> names = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            String name = unique(identifier(headers.get(i), "column_" + (i + 1), MAX_LENGTH), taken);
            taken.add(name);
            names.add(name);
        }
        return names;
    }

    /** {@code name}, or {@code name_2}, {@code name_3}... (shortened to fit) if taken. */
    public static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            String suffix = "_" + n;
            candidate = truncate(name, MAX_LENGTH - suffix.length()) + suffix;
        }
        return candidate;
    }

    /**
     * The table an object of its own gets: its file name, then {@code parts} (a dump's table name), then its id,
     * e.g. {@code sensors_csv_42}; shortened to {@link #MAX_TABLE_LENGTH}, the parts keeping at least half.
     */
    public static String objectTable(String fileName, long objectId, String... parts) {
        String suffix = "_" + objectId;
        int room = MAX_TABLE_LENGTH - suffix.length();
        String file = identifier(baseName(fileName), "object", room);
        if (parts.length == 0) {
            return file + suffix;
        }
        String middle = identifier(String.join("_", parts), "table", room);
        middle = truncate(middle, Math.max(room / 2, room - 1 - file.length()));
        file = truncate(file, room - 1 - middle.length());
        return trimTrailing(file) + "_" + trimTrailing(middle) + suffix;
    }

    /** The shared table a template names, sanitised. */
    public static String sharedTable(String templateTable) {
        return identifier(templateTable, "shared", MAX_TABLE_LENGTH);
    }

    public static String quarantineTable(String table) {
        return table + QUARANTINE_SUFFIX;
    }

    private static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    private static String truncate(String name, int maxLength) {
        return name.length() <= maxLength ? name : name.substring(0, maxLength);
    }

    private static String trimTrailing(String name) {
        int end = name.length();
        while (end > 1 && name.charAt(end - 1) == '_') {
            end--;
        }
        return name.substring(0, end);
    }

    private static String trimUnderscores(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && name.charAt(start) == '_') {
            start++;
        }
        while (end > start && name.charAt(end - 1) == '_') {
            end--;
        }
        return name.substring(start, end);
    }
}
