package org.zonelake.raw.swift;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import org.zonelake.core.raw.ForeignObject;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.StoredBlob;

/**
 * The lake's metadata on a Swift object (its SHA-256, and a marker that the lake wrote it), set in the request that
 * makes the object visible, and what Swift's answers say about an object.
 */
final class ObjectHeaders {
    static final String SHA256 = "X-Object-Meta-Zonelake-Sha256";
    static final String WRITER = "X-Object-Meta-Zonelake-Writer";
    static final String LAKE = "zonelake";
    static final String OCTET_STREAM = "application/octet-stream";
    private static final String STATIC_LARGE_OBJECT = "X-Static-Large-Object";
    private static final String DYNAMIC_LARGE_OBJECT = "X-Object-Manifest";

    private ObjectHeaders() {
    }

    static Request.Builder lakeMetadata(Request.Builder request, String sha256) {
        return request.header(SHA256, sha256).header(WRITER, LAKE);
    }

    static boolean writtenByLake(Headers headers) {
        return LAKE.equals(headers.get(WRITER)) && headers.get(SHA256) != null;
    }

    static boolean isStaticLargeObject(Headers headers) {
        return "true".equalsIgnoreCase(headers.get(STATIC_LARGE_OBJECT));
    }

    static boolean isDynamicLargeObject(Headers headers) {
        return headers.get(DYNAMIC_LARGE_OBJECT) != null;
    }

    /** The object of a HEAD answer as the lake knows it; empty for objects the lake did not write. */
    static Optional<StoredBlob> blob(ObjectKey key, Response head, Clock clock) {
        if (!writtenByLake(head.headers())) {
            return Optional.empty();
        }
        return Optional.of(new StoredBlob(key, size(head), head.header(SHA256), storedAt(head, clock)));
    }

    static ForeignObject foreign(String project, String name, Response head, Clock clock) {
        return new ForeignObject(project, name, size(head), head.header("Content-Type"), writtenByLake(head.headers()), storedAt(head, clock));
    }

    /** Swift's ETag without the quotes it puts around a large object's. */
    static String etag(Response response) {
        String etag = response.header("ETag", "");
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    /** When Swift stored the object, to the second, as its {@code Last-Modified} says (PUT, COPY and HEAD alike). */
    static Instant storedAt(Response response, Clock clock) {
        Instant lastModified = response.headers().getInstant("Last-Modified");
        return lastModified == null ? clock.instant() : lastModified;
    }

    private static long size(Response head) {
        String length = head.header("Content-Length");
        return length == null ? 0 : Long.parseLong(length.trim());
    }
}
