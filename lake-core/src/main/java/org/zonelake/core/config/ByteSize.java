package org.zonelake.core.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses byte sizes written for humans: {@code 1048576}, {@code 64KiB}, {@code 8MB}, {@code 5GiB}. */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]i?b?|b)?");
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("k", 1L << 10), Map.entry("kb", 1_000L), Map.entry("kib", 1L << 10),
            Map.entry("m", 1L << 20), Map.entry("mb", 1_000_000L), Map.entry("mib", 1L << 20),
            Map.entry("g", 1L << 30), Map.entry("gb", 1_000_000_000L), Map.entry("gib", 1L << 30),
            Map.entry("t", 1L << 40), Map.entry("tb", 1_000_000_000_000L), Map.entry("tib", 1L << 40));

    private ByteSize() {}

    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 512, 64KiB or 5GiB");
        }
        String unit = m.group(2) == null ? "" : m.group(2);
        Long factor = UNITS.get(unit);
        if (factor == null) {
            throw new IllegalArgumentException("unknown unit " + unit);
        }
        return Math.multiplyExact(Long.parseLong(m.group(1)), factor);
    }
}
