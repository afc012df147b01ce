package org.zonelake.pipelines.tabular;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How a delimited text file is laid out, as detected from its first lines.
 *
 * @param charset {@code UTF-8}, or {@code ISO-8859-1} for a file that is not valid UTF-8
 * @param delimiter the field delimiter
 * @param headerLine the 1-based line of the header, or 0 if the file has none
 * @param names the sanitised column names (from the header, else {@code column_1}...)
 */
record TextLayout(String charset, char delimiter, int headerLine, List<String> names) {
    public TextLayout {
        requireNonNull(charset, "charset is null");
        names = List.copyOf(names);
    }

    public boolean hasHeader() {
        return headerLine > 0;
    }

    public int fieldCount() {
        return names.size();
    }

    /** "comma", "tab"..., for messages. */
    public String delimiterName() {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            default -> "'" + delimiter + "'";
        };
    }
}
