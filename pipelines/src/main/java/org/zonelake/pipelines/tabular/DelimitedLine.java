package org.zonelake.pipelines.tabular;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a delimited file into fields, RFC 4180 style: a field that starts with {@code "} is
 * quoted, may hold the delimiter, and writes a quote as {@code ""}. A quoted field cannot span lines.
 */
final class DelimitedLine {
    private static final char QUOTE = '"';

    private DelimitedLine() {}

    /** The fields of {@code line}, or {@code null} if a quoted field is not closed on the line. */
    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int length = line.length();
        while (true) {
            field.setLength(0);
            if (i < length && line.charAt(i) == QUOTE) {
                i = quoted(line, i + 1, field);
                if (i < 0) {
                    return null;
                }
            }
            while (i < length && line.charAt(i) != delimiter) {
                field.append(line.charAt(i++));
            }
            fields.add(field.toString());
            if (i >= length) {
                return fields;
            }
            i++;
        }
    }

    /** Reads a quoted field from {@code start} (after the opening quote); the index after the closing quote, or -1. */
    private static int quoted(String line, int start, StringBuilder field) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != QUOTE) {
                field.append(c);
                i++;
            } else if (i + 1 < line.length() && line.charAt(i + 1) == QUOTE) {
                field.append(QUOTE);
                i += 2;
            } else {
                return i + 1;
            }
        }
        return -1;
    }
}
