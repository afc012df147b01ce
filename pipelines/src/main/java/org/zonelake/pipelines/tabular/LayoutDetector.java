package org.zonelake.pipelines.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Detects the layout of a delimited text file from its first lines (at most {@value #SAMPLE_LINES} non-blank
 * lines of the first MiB), on the driver: the charset, the delimiter that splits those lines into the same
 * number of fields most often, and whether the first line is a header. Throws {@code INVALID_DATA} with the
 * reason when the file is not a delimited table.
 */
final class LayoutDetector {
    static final int SAMPLE_BYTES = 1 << 20;
    static final int SAMPLE_LINES = 50;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final double MIN_CONSISTENT_SHARE = 0.5;

    /** A non-blank line and its 1-based number in the file. */
    record Line(int number, String text) {}

    private record Choice(char delimiter, int fields, int matching) {}

    private LayoutDetector() {}

    static TextLayout detect(Path file) throws IOException {
        byte[] head = head(file);
        boolean truncated = Files.size(file) > head.length;
        if (head.length == 0) {
            throw invalid("The file is empty");
        }
        requireText(head);
        String charset = isUtf8(head, truncated) ? "UTF-8" : "ISO-8859-1";
        List<Line> lines = firstLines(new String(head, charset), truncated);
        if (lines.isEmpty()) {
            throw invalid(truncated ? "The first line is longer than 1 MiB: not a CSV or TSV table" : "The file has only blank lines");
        }
        Choice choice = delimiter(lines);
        int headerLine = isHeader(lines, choice) ? lines.get(0).number() : 0;
        List<String> names = headerLine > 0
                ? SqlNames.columnNames(DelimitedLine.split(lines.get(0).text(), choice.delimiter()))
                : IntStream.rangeClosed(1, choice.fields()).mapToObj(i -> "column_" + i).toList();
        return new TextLayout(charset, choice.delimiter(), headerLine, names);
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        }
    }

    private static void requireText(byte[] head) {
        int controls = 0;
        for (int i = 0; i < head.length; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                throw invalid("The file is binary (a zero byte at offset " + i + "), not a CSV or TSV table");
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                controls++;
            }
        }
        if (controls > Math.max(2, head.length / 100)) {
            throw invalid("The file is binary (" + controls + " control characters in its first " + head.length + " bytes), not a CSV or TSV table");
        }
    }

    private static boolean isUtf8(byte[] head, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // A sample cut inside a multi-byte character is not an error: the input is not at its end.
        return !decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), !truncated).isError();
    }

    private static List<Line> firstLines(String text, boolean truncated) {
        // Line ends as Hadoop's line reader sees them, so line numbers agree with the Spark side.
        String[] raw = text.split("\r\n|\r|\n", -1);
        int complete = truncated ? raw.length - 1 : raw.length;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < complete && lines.size() < SAMPLE_LINES; i++) {
            String line = i == 0 ? stripBom(raw[i]) : raw[i];
            if (!line.isBlank()) {
                lines.add(new Line(i + 1, line));
            }
        }
        return lines;
    }

    static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static Choice delimiter(List<Line> lines) {
        Choice best = null;
        for (char delimiter : DELIMITERS) {
            Choice choice = mostCommonFieldCount(lines, delimiter);
            if (choice.fields() >= 2 && (best == null || choice.matching() > best.matching()
                    || (choice.matching() == best.matching() && choice.fields() > best.fields()))) {
                best = choice;
            }
        }
        if (best == null) {
            throw invalid("No delimiter (comma, semicolon, tab or pipe) splits the first lines into two or more fields: not a CSV or TSV table");
        }
        if (best.matching() < lines.size() * MIN_CONSISTENT_SHARE) {
            throw invalid(String.format(Locale.ROOT, "The first %d lines have no consistent number of fields (at best %d of them have %d fields): not a CSV or TSV table",
                    lines.size(), best.matching(), best.fields()));
        }
        return best;
    }

    private static Choice mostCommonFieldCount(List<Line> lines, char delimiter) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Line line : lines) {
            List<String> fields = DelimitedLine.split(line.text(), delimiter);
            if (fields != null) {
                counts.merge(fields.size(), 1, Integer::sum);
            }
        }
        Choice best = new Choice(delimiter, 0, 0);
        for (Map.Entry<Integer, Integer> count : counts.entrySet()) {
            if (count.getValue() > best.matching() || (count.getValue() == best.matching() && count.getKey() > best.fields())) {
                best = new Choice(delimiter, count.getKey(), count.getValue());
            }
        }
        return best;
    }

    /**
     * The first line is a header when its fields are distinct, non-blank names none of which reads as a number,
     * date or boolean, and no line below repeats a name in its column. Data lines below normally have typed
     * values; a table of text only is taken to have a header too.
     */
    private static boolean isHeader(List<Line> lines, Choice choice) {
        List<String> first = DelimitedLine.split(lines.get(0).text(), choice.delimiter());
        if (first == null || first.size() != choice.fields() || !looksLikeNames(first)) {
            return false;
        }
        for (Line line : lines.subList(1, lines.size())) {
            List<String> fields = DelimitedLine.split(line.text(), choice.delimiter());
            if (fields != null && fields.size() == first.size() && repeatsName(first, fields)) {
                return false;
            }
        }
        return true;
    }

    private static boolean repeatsName(List<String> names, List<String> fields) {
        return IntStream.range(0, names.size()).anyMatch(i -> fields.get(i).strip().equalsIgnoreCase(names.get(i).strip()));
    }

    private static boolean looksLikeNames(List<String> fields) {
        Set<String> seen = new HashSet<>();
        for (String field : fields) {
            String name = field.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || !seen.add(name) || new KindStats().add(name).kind() != ValueKind.TEXT) {
                return false;
            }
        }
        return true;
    }

    private static LakeException invalid(String reason) {
        return new LakeException(ErrorCode.INVALID_DATA, reason);
    }
}
