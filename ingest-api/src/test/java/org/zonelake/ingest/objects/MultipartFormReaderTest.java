package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zonelake.ingest.objects.MultipartFormReader.MalformedMultipartException;
import org.zonelake.ingest.objects.MultipartFormReader.Part;

class MultipartFormReaderTest {
    private static final String BOUNDARY = "----zonelake-test-7MA4YWxkTrZu0gW";

    @Test
    void readsNamesFileNamesTypesAndContents() throws IOException {
        byte[] body = Multipart.create().metadata("{\"a\": 1}").file("data.csv", bytes("x,y\n1,2\n")).bytes();

        List<ReadPart> parts = readAll(new ByteArrayInputStream(body));

        assertThat(parts).containsExactly(
                new ReadPart("metadata", null, "application/json", "{\"a\": 1}"),
                new ReadPart("file", "data.csv", "application/octet-stream", "x,y\n1,2\n"));
    }

    @Test
    void contentThatLooksLikeTheDelimiterIsContent() throws IOException {
        String tricky = "\r\n--" + BOUNDARY.substring(0, 20) + "\r\n--\r\n" + BOUNDARY + "\r\n-" + "\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1);
        byte[] body = Multipart.create().file("tricky.txt", bytes(tricky)).bytes();

        assertThat(readAll(new ByteArrayInputStream(body))).singleElement().satisfies(part -> assertThat(part.content()).isEqualTo(tricky));
    }

    @Test
    void anyChunkingOfTheBodyGivesTheSameParts() throws IOException {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            byte[] content = new byte[random.nextInt(3 * MultipartFormReader.BUFFER_BYTES)];
            random.nextBytes(content);
            sprinkleDelimiterPrefixes(content, random);
            byte[] body = Multipart.create().metadata("{}").file("r.bin", content).bytes();

            List<ReadPart> parts = readAll(new ChunkedStream(body, random, round % 3 == 0 ? 1 : 1 + random.nextInt(70_000)));

            assertThat(parts).hasSize(2);
            assertThat(parts.get(1).bytes()).as("round " + round).isEqualTo(content);
        }
    }

    @Test
    void contentMadeOfDelimiterBytesEndsExactlyAtTheDelimiter() throws IOException {
        byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(5);
        for (int length = 0; length <= 3 * delimiter.length; length++) {
            byte[] content = new byte[length];
            for (int i = 0; i < length; i++) {
                content[i] = delimiter[random.nextInt(delimiter.length)];
            }
            byte[] body = Multipart.create().file("d.bin", content).metadata("{}").bytes();

            List<ReadPart> parts = readAll(new ByteArrayInputStream(body));

            assertThat(parts.get(0).bytes()).as("content of %d bytes", length).isEqualTo(content);
            assertThat(parts.get(1).content()).isEqualTo("{}");
        }
    }

    private static void sprinkleDelimiterPrefixes(byte[] content, Random random) {
        byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20 && content.length > delimiter.length; i++) {
            int at = random.nextInt(content.length - delimiter.length);
            System.arraycopy(delimiter, 0, content, at, 1 + random.nextInt(delimiter.length - 1));
        }
    }

    @Test
    void preambleEpilogueAndPaddingAreIgnored() throws IOException {
        String body = "This is a preamble.\r\n--" + BOUNDARY + "  \t\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
                + "abc\r\n--" + BOUNDARY + "--\r\nAn epilogue";

        assertThat(readAll(stream(body))).containsExactly(new ReadPart("file", "a.txt", null, "abc"));
    }

    @Test
    void partsWithoutHeadersOrContentAreRead() throws IOException {
        String body = "--" + BOUNDARY + "\r\n\r\n\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--" + BOUNDARY + "--";

        assertThat(readAll(stream(body))).containsExactly(new ReadPart(null, null, null, ""), new ReadPart("empty", null, null, ""));
    }

    @Test
    void extendedFileNameWinsAndEscapesAreUndone() throws IOException {
        String body = "--" + BOUNDARY + "\r\ncontent-disposition: form-data; name=file; filename=\"fallback.txt\"; filename*=UTF-8''%E2%82%AC%20rate.txt"
                + "\r\n\r\nx\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"say \\\"hi\\\" C:\\data\\x.csv\""
                + "\r\n\r\ny\r\n--" + BOUNDARY + "--\r\n";

        List<ReadPart> parts = readAll(stream(body));

        assertThat(parts.get(0).fileName()).isEqualTo("€ rate.txt");
        assertThat(parts.get(1).fileName()).isEqualTo("say \"hi\" C:\\data\\x.csv");
    }

    @Test
    void fileNamesAreReadAsUtf8() throws IOException {
        byte[] body = Multipart.create().file("données \uD83D\uDCF7.txt", bytes("x")).bytes();

        assertThat(readAll(new ByteArrayInputStream(body)).get(0).fileName()).isEqualTo("données \uD83D\uDCF7.txt");
    }

    @Test
    void nextSkipsTheUnreadRestOfAPart() throws IOException {
        byte[] body = Multipart.create().file("a.bin", new byte[600_000]).metadata("{}").bytes();
        MultipartFormReader reader = new MultipartFormReader(new ByteArrayInputStream(body), BOUNDARY, 16384);

        reader.next().content().read(new byte[10]);
        Part second = reader.next();

        assertThat(second.name()).isEqualTo("metadata");
        assertThat(new String(second.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(reader.next()).isNull();
        assertThat(reader.next()).isNull();
    }

    @Test
    void malformedBodiesAreRefused() {
        assertMalformed("no boundary at all", "does not start with the boundary");
        assertMalformed("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nabc", "ended inside a part");
        assertMalformed("--" + BOUNDARY + "\r\nContent-Disposition: form-data", "ended inside the headers");
        assertMalformed("--" + BOUNDARY + "\r\nno colon here\r\n\r\nabc\r\n--" + BOUNDARY + "--", "without a name and a colon");
        assertMalformed("--" + BOUNDARY + "xyz\r\n\r\nabc\r\n--" + BOUNDARY + "--", "followed by something else");
        assertMalformed("--" + BOUNDARY + "\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\nabc\r\n--" + BOUNDARY + "--", "longer than 16384 bytes");
        assertMalformed("--" + BOUNDARY + "\r\n\r\nabc\r\n--" + BOUNDARY, "ended before its closing boundary");
    }

    private static void assertMalformed(String body, String message) {
        assertThatThrownBy(() -> readAll(stream(body))).as(body.length() > 100 ? body.substring(0, 100) : body)
                .isInstanceOf(MalformedMultipartException.class).hasMessageContaining(message);
    }

    @Test
    void boundaryIsTakenFromTheContentType() {
        assertThat(MultipartFormReader.boundaryOf("multipart/form-data; boundary=abc")).isEqualTo("abc");
        assertThat(MultipartFormReader.boundaryOf("multipart/form-data; charset=utf-8; BOUNDARY=\"a b:c\"")).isEqualTo("a b:c");
        assertThat(MultipartFormReader.boundaryOf("multipart/form-data")).isNull();
        assertThat(MultipartFormReader.boundaryOf("multipart/form-data; boundary=")).isNull();
        assertThat(MultipartFormReader.boundaryOf("multipart/form-data; boundary=" + "x".repeat(71))).isNull();
        assertThat(MultipartFormReader.boundaryOf(null)).isNull();
    }

    private record ReadPart(String name, String fileName, String contentType, String content) {
        byte[] bytes() {
            return content.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static List<ReadPart> readAll(InputStream body) throws IOException {
        MultipartFormReader reader = new MultipartFormReader(body, BOUNDARY, 16384);
        List<ReadPart> parts = new ArrayList<>();
        Part part;
        while ((part = reader.next()) != null) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 + new Random(parts.size()).nextInt(100_000)];
            int n;
            while ((n = part.content().read(buffer)) >= 0) {
                content.write(buffer, 0, n);
            }
            parts.add(new ReadPart(part.name(), part.fileName(), part.contentType(), content.toString(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    private static InputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Hands the body out in pieces of random length up to {@code maxChunk}, as a network does. */
    private static final class ChunkedStream extends InputStream {
        private final byte[] data;
        private final Random random;
        private final int maxChunk;
        private int position;

        ChunkedStream(byte[] data, Random random, int maxChunk) {
            this.data = data;
            this.random = random;
            this.maxChunk = maxChunk;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - position), 1 + random.nextInt(maxChunk));
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }
}
