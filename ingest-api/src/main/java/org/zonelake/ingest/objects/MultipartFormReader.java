package org.zonelake.ingest.objects;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart/form-data body (RFC 7578, RFC 2046 §5.1) part by part as it arrives, nothing spooled: each part's
 * content is a stream that ends at the next delimiter.
 *
 * <p>The delimiter is found by looking at one byte in every {@code delimiter.length}: any occurrence of the delimiter
 * covers exactly one of them, and only a byte that occurs in the delimiter calls for a closer look. Unlike a
 * Boyer-Moore-Horspool search, whose next position depends on the byte just read, these reads do not depend on each
 * other, so the processor overlaps them: a large part is scanned at several GB/s, where the general-purpose parsers,
 * comparing every byte, cap a single upload at a few hundred MiB/s. Part content is copied once, from the reader's
 * buffer to the caller's.
 */
final class MultipartFormReader {
    static final int BUFFER_BYTES = 256 * 1024;
    private static final int MAX_BOUNDARY_LENGTH = 70;
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final int[] NO_POSITIONS = {};

    private final InputStream body;
    private final int maxHeaderBytes;
    /** CRLF "--" boundary: what ends every part. */
    private final byte[] delimiter;
    /** Per byte value: where it occurs in the delimiter, last position first; empty for most values. */
    private final int[][] positions = new int[256][];
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfBody;
    private PartStream current;
    private boolean closed;

    /**
     * @param boundary the {@code boundary} parameter of the body's content type (see {@link #boundaryOf})
     * @param maxHeaderBytes the most bytes the header block of one part may take
     */
    MultipartFormReader(InputStream body, String boundary, int maxHeaderBytes) {
        this.body = requireNonNull(body, "body is null");
        this.maxHeaderBytes = maxHeaderBytes;
        this.delimiter = ("\r\n--" + requireNonNull(boundary, "boundary is null")).getBytes(StandardCharsets.US_ASCII);
        this.buffer = new byte[Math.max(BUFFER_BYTES, maxHeaderBytes + delimiter.length + 4)];
        indexPositions();
        // The first delimiter may open the body without a line break before it: pretend there was one.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** The boundary of a multipart content type, or {@code null} if it has none or an invalid one. */
    static String boundaryOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        String boundary = HeaderParameters.parse(contentType).get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH || boundary.endsWith(" ")) {
            return null;
        }
        for (int i = 0; i < boundary.length(); i++) {
            if (boundary.charAt(i) < 0x20 || boundary.charAt(i) > 0x7e) {
                return null;
            }
        }
        return boundary;
    }

    /** One part: its form field name, file name (or {@code null}), declared type, and content. */
    record Part(String name, String fileName, String contentType, InputStream content) {}

    /**
     * The next part, or {@code null} after the closing delimiter. The rest of the previous part, if unread, is skipped.
     * Throws {@link MalformedMultipartException} for a body that is not well-formed multipart.
     */
    Part next() throws IOException {
        if (closed) {
            return null;
        }
        if (current == null) {
            skipPreamble();
        } else {
            current.skipRest();
        }
        if (closingDelimiter()) {
            closed = true;
            return null;
        }
        Map<String, String> headers = readHeaders();
        Map<String, String> disposition = HeaderParameters.parse(headers.getOrDefault("content-disposition", ""));
        current = new PartStream();
        return new Part(disposition.get("name"), fileName(disposition), headers.get("content-type"), current);
    }

    private static String fileName(Map<String, String> disposition) {
        String extended = disposition.get("filename*");
        if (extended != null) {
            String decoded = HeaderParameters.decodeExtended(extended);
            if (decoded != null) {
                return decoded;
            }
        }
        return disposition.get("filename");
    }

    private void skipPreamble() throws IOException {
        int found;
        while ((found = search(position)) < 0) {
            if (limit == buffer.length || !fill()) {
                throw new MalformedMultipartException("The body does not start with the boundary of its content type");
            }
        }
        position = found + delimiter.length;
    }

    /** After a delimiter: "--" closes the body; otherwise optional padding and a line break open the next part. */
    private boolean closingDelimiter() throws IOException {
        require(2);
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            position += 2;
            return true;
        }
        while (true) {
            require(2);
            byte b = buffer[position];
            if (b == ' ' || b == '\t') {
                position++;
            } else if (b == '\r' && buffer[position + 1] == '\n') {
                position += 2;
                return false;
            } else {
                throw new MalformedMultipartException("A boundary line is followed by something else than a line break");
            }
        }
    }

    private Map<String, String> readHeaders() throws IOException {
        require(2);
        if (buffer[position] == '\r' && buffer[position + 1] == '\n') {
            position += 2;
            return Map.of();
        }
        int end;
        while ((end = indexOf(HEADER_END, position)) < 0 && limit - position <= maxHeaderBytes) {
            if (!fillKeeping()) {
                throw new MalformedMultipartException("The body ended inside the headers of a part");
            }
        }
        if (end < 0 || end - position > maxHeaderBytes) {
            throw new MalformedMultipartException("The headers of a part are longer than " + maxHeaderBytes + " bytes");
        }
        String block = new String(buffer, position, end - position, StandardCharsets.UTF_8);
        position = end + HEADER_END.length;
        return headerLines(block);
    }

    /** Lower-case header names to values; the first of a repeated header wins. */
    private static Map<String, String> headerLines(String block) throws MalformedMultipartException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedMultipartException("A part has a header line without a name and a colon");
            }
            headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return headers;
    }

    private int indexOf(byte[] pattern, int from) {
        outer:
        for (int i = from; i <= limit - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buffer[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Fills {@link #positions}; a delimiter is at most 74 bytes, so this is cheap per request. */
    private void indexPositions() {
        int[] counts = new int[256];
        for (byte b : delimiter) {
            counts[b & 0xff]++;
        }
        for (int value = 0; value < 256; value++) {
            positions[value] = counts[value] == 0 ? NO_POSITIONS : new int[counts[value]];
        }
        for (int j = delimiter.length - 1; j >= 0; j--) {
            int value = delimiter[j] & 0xff;
            positions[value][positions[value].length - counts[value]--] = j;
        }
    }

    /**
     * The first index of the delimiter in {@code buffer[from, limit)}, or -1. Probes {@code from + m - 1},
     * {@code from + 2m - 1}, ... (m the delimiter's length): a delimiter starting at p covers exactly one probe q, and
     * then the byte at q is the delimiter's byte {@code q - p}. Within one probe, candidates are tried from the left.
     */
    private int search(int from) {
        int length = delimiter.length;
        for (int probe = from + length - 1; probe < limit; probe += length) {
            int[] candidates = positions[buffer[probe] & 0xff];
            for (int j : candidates) {
                int start = probe - j;
                if (start + length <= limit && matchesAt(start)) {
                    return start;
                }
            }
        }
        return -1;
    }

    private boolean matchesAt(int index) {
        for (int j = delimiter.length - 1; j >= 0; j--) {
            if (buffer[index + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    private void require(int bytes) throws IOException {
        while (limit - position < bytes) {
            if (!fillKeeping()) {
                throw new MalformedMultipartException("The body ended before its closing boundary");
            }
        }
    }

    /** Moves the unread bytes to the front and reads more; false at the end of the body. */
    private boolean fillKeeping() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        return fill();
    }

    private boolean fill() throws IOException {
        if (endOfBody || limit == buffer.length) {
            return false;
        }
        int n = body.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            endOfBody = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** The content of the current part: the bytes up to the next delimiter. */
    private final class PartStream extends InputStream {
        private final byte[] one = new byte[1];
        private boolean ended;
        /** Where the delimiter starts in the buffer if known, else -1; valid until the buffer moves. */
        private int delimiterAt = -1;
        /** Bytes before this index are content (no delimiter can start before it); valid until the buffer moves. */
        private int contentEnd;

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int available = available();
            while (available == 0) {
                if (delimiterAt == position) {
                    position += delimiter.length;
                    ended = true;
                    return -1;
                }
                refill();
                available = available();
            }
            int n = Math.min(available, length);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            if (ended) {
                return 0;
            }
            if (delimiterAt < 0 && contentEnd <= position) {
                delimiterAt = search(position);
                contentEnd = delimiterAt >= 0 ? delimiterAt : Math.max(position, limit - delimiter.length + 1);
            }
            return contentEnd - position;
        }

        private void refill() throws IOException {
            if (!fillKeeping()) {
                throw new MalformedMultipartException("The body ended inside a part, before its closing boundary");
            }
            delimiterAt = -1;
            contentEnd = 0;
        }

        void skipRest() throws IOException {
            byte[] discard = new byte[8192];
            while (read(discard, 0, discard.length) >= 0) {
                // skipping
            }
        }

        @Override
        public void close() {
            // the reader owns the body; an unread rest is skipped by the next call of next()
        }
    }

    /** The body is not well-formed multipart: a client error, not a broken connection. */
    static final class MalformedMultipartException extends IOException {
        MalformedMultipartException(String message) {
            super(message);
        }
    }
}
