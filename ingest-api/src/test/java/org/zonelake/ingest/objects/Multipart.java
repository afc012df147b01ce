package org.zonelake.ingest.objects;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body built by hand, as a browser would send it, so that tests control every byte. */
final class Multipart {
    static final String BOUNDARY = "----zonelake-test-7MA4YWxkTrZu0gW";

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    static Multipart create() {
        return new Multipart();
    }

    static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    Multipart metadata(String json) {
        return part("metadata", null, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Multipart file(String fileName, byte[] bytes) {
        return part("file", fileName, "application/octet-stream", bytes);
    }

    /** A part; the file name is sent as raw UTF-8 with quotes and line breaks percent-encoded (the HTML rule). */
    Multipart part(String name, String fileName, String contentType, byte[] bytes) {
        StringBuilder headers = new StringBuilder("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (fileName != null) {
            headers.append("; filename=\"").append(fileName.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A")).append('"');
        }
        headers.append("\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
        body.writeBytes(headers.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The body with its closing delimiter. */
    byte[] bytes() {
        ByteArrayOutputStream complete = new ByteArrayOutputStream(body.size() + 64);
        complete.writeBytes(body.toByteArray());
        complete.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return complete.toByteArray();
    }
}
