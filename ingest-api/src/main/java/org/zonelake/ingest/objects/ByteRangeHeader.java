package org.zonelake.ingest.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zonelake.core.raw.ByteRange;

/**
 * Reads an HTTP {@code Range} header (RFC 9110 §14) against the size of the object it asks for.
 *
 * <p>One range is served as 206. A header the lake does not serve — another unit, bad syntax, or several ranges —
 * is answered with the whole object (200), which RFC 9110 allows: a server may ignore {@code Range}, and a
 * multipart/byteranges answer would buy clients little for the complexity.
 */
public final class ByteRangeHeader {
    private static final String UNIT = "bytes=";

    private ByteRangeHeader() {}

    /** What to send for a request. */
    public enum Kind {
        /** The whole object, 200. */
        WHOLE,
        /** One range, 206. */
        PARTIAL,
        /** No byte of the object is in the range, 416. */
        UNSATISFIABLE
    }

    /** @param range the range to send when {@code kind} is {@code PARTIAL}, else {@code null} */
    public record Resolution(Kind kind, ByteRange range) {
        static final Resolution WHOLE = new Resolution(Kind.WHOLE, null);
        static final Resolution UNSATISFIABLE = new Resolution(Kind.UNSATISFIABLE, null);
    }

    /** Resolves the header ({@code null} when absent) against an object of {@code size} bytes. */
    public static Resolution resolve(String header, long size) {
        if (header == null || !header.regionMatches(true, 0, UNIT, 0, UNIT.length())) {
            return Resolution.WHOLE;
        }
        List<String> specs = specs(header.substring(UNIT.length()));
        if (specs.size() != 1) {
            return Resolution.WHOLE;
        }
        return resolveSpec(specs.get(0), size);
    }

    private static List<String> specs(String set) {
        List<String> specs = new ArrayList<>();
        for (String spec : set.split(",", -1)) {
            if (!spec.isBlank()) {
                specs.add(spec.strip());
            }
        }
        return specs;
    }

    private static Resolution resolveSpec(String spec, long size) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Resolution.WHOLE;
        }
        String first = spec.substring(0, dash);
        String last = spec.substring(dash + 1);
        if (first.isEmpty()) {
            return isDigits(last) ? suffix(parse(last), size) : Resolution.WHOLE;
        }
        if (!isDigits(first) || !(last.isEmpty() || isDigits(last))) {
            return Resolution.WHOLE;
        }
        long firstPosition = parse(first);
        long lastPosition = last.isEmpty() ? Long.MAX_VALUE : parse(last);
        if (lastPosition < firstPosition) {
            return Resolution.WHOLE;
        }
        if (firstPosition >= size) {
            return Resolution.UNSATISFIABLE;
        }
        return partial(firstPosition, Math.min(lastPosition, size - 1));
    }

    /** {@code bytes=-n}: the last n bytes; the whole object if it is shorter; nothing of an empty object. */
    private static Resolution suffix(long length, long size) {
        if (length == 0 || size == 0) {
            return Resolution.UNSATISFIABLE;
        }
        return partial(Math.max(0, size - length), size - 1);
    }

    private static Resolution partial(long first, long last) {
        return new Resolution(Kind.PARTIAL, new ByteRange(first, last));
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Digits beyond the range of a long mean "beyond any object": they saturate rather than fail. */
    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The {@code Content-Range} value of a 206 answer. */
    public static String contentRange(ByteRange range, long size) {
        return String.format(Locale.ROOT, "bytes %d-%d/%d", range.first(), range.last(), size);
    }

    /** The {@code Content-Range} value of a 416 answer. */
    public static String unsatisfiedRange(long size) {
        return "bytes */" + size;
    }
}
