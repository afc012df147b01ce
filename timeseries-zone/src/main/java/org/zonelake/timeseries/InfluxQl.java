package org.zonelake.timeseries;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Pieces of InfluxQL built from values: quoted identifiers and strings, times and durations in nanoseconds. */
final class InfluxQl {
    private InfluxQl() {}

    /** A double-quoted identifier (database, measurement, tag or field key). */
    static String identifier(String name) {
        return '"' + escaped(name, '"') + '"';
    }

    /** A single-quoted string literal (tag value). */
    static String literal(String text) {
        return '\'' + escaped(text, '\'') + '\'';
    }

    /** An absolute time as nanoseconds since the epoch, InfluxQL's plain integer time literal. */
    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** A duration literal such as {@code 90s} or {@code 1500ms}, in the largest unit that divides it exactly. */
    static String duration(Duration duration) {
        long nanos = duration.toNanos();
        long[] sizes = {604_800_000_000_000L, 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
        String[] units = {"w", "d", "h", "m", "s", "ms", "u", "ns"};
        int i = 0;
        while (nanos % sizes[i] != 0) {
            i++;
        }
        return String.format(Locale.ROOT, "%d%s", nanos / sizes[i], units[i]);
    }

    private static String escaped(String text, char quote) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
