package org.zonelake.pipelines.timeseries;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Guesses a CSV's delimiter from its first line: the most frequent of {@code , ; TAB |} outside quotes. */
final class CsvDelimiter {
    private static final String CANDIDATES = ",;\t|";
    private static final int MAX_HEADER_CHARS = 64 * 1024;

    private CsvDelimiter() {}

    static char of(Path csv) throws IOException {
        int[] counts = new int[CANDIDATES.length()];
        // ISO-8859-1 decodes any bytes, and the candidates are ASCII: no decoding error can stop the guess.
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.ISO_8859_1)) {
            boolean quoted = false;
            for (int read = 0, c; read < MAX_HEADER_CHARS && (c = reader.read()) != -1; read++) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted && CANDIDATES.indexOf(c) >= 0) {
                    counts[CANDIDATES.indexOf(c)]++;
                }
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return CANDIDATES.charAt(best);
    }
}
