package org.zonelake.raw.swift;

import static java.util.Objects.requireNonNull;
import static org.zonelake.raw.swift.SwiftClient.url;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.StoredBlob;
import org.zonelake.raw.swift.SloManifest.Segment;

/**
 * One put. Swift takes an object's metadata only in the headers of the request that makes it visible, before the body,
 * while the SHA-256 is known only after the body; and the lake's metadata must be there from the first moment (the
 * webhook receiver tells the lake's objects from foreign ones by it). Hence:
 * <ul>
 *   <li>a stream that ends within the first 64 KiB (and the segment size) is one PUT with its length, MD5 and metadata;</li>
 *   <li>a longer one is streamed into segments of the project's segments container, each one PUT checked against its MD5;
 *       then one request makes the object visible with its metadata: a server-side copy of the only segment (the object
 *       is then a plain one, as objects up to the segment size are), or a Static Large Object manifest over them all.</li>
 * </ul>
 * On any failure the segments written are deleted and the key keeps what it held. Once the new object is in place, the
 * segments of the large object it replaced are deleted.
 */
final class SwiftWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SwiftWriter.class);
    private static final MediaType OCTET_STREAM = MediaType.get(ObjectHeaders.OCTET_STREAM);
    private static final byte[] EMPTY = new byte[0];

    private final SwiftClient client;
    private final Containers containers;
    private final long segmentBytes;
    private final Clock clock;

    SwiftWriter(SwiftClient client, Containers containers, long segmentBytes, Clock clock) {
        this.client = requireNonNull(client, "client is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.segmentBytes = segmentBytes;
        this.clock = requireNonNull(clock, "clock is null");
    }

    StoredBlob put(ObjectKey key, String container, InputStream content) {
        UploadSource source = new UploadSource(content);
        List<String> staged = new ArrayList<>();
        String segments = SwiftNames.segmentsOf(container);
        try {
            containers.ensure(container);
            if (source.bufferedToEnd(segmentBytes)) {
                return putWhole(key, container, source);
            }
            return putSegments(key, container, segments, source, staged);
        } catch (IOException e) {
            if (source.failed()) {
                deleteQuietly(segments, staged, null);
                throw source.rethrowFailure();
            }
            LakeException failure = SwiftErrors.unreachable("store object " + key, e);
            deleteQuietly(segments, staged, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            deleteQuietly(segments, staged, e);
            throw e;
        }
    }

    private StoredBlob putWhole(ObjectKey key, String container, UploadSource source) throws IOException {
        byte[] bytes = source.takeBuffered();
        String md5 = HexFormat.of().formatHex(UploadSource.digest("MD5").digest(bytes));
        String sha256 = source.sha256Hex();
        List<String> previous = previousSegments(container, key.name());
        try (Response response = client.execute(session -> ObjectHeaders.lakeMetadata(new Request.Builder(), sha256)
                .url(url(session, container, key.name())).header("ETag", md5).put(RequestBody.create(bytes, OCTET_STREAM)))) {
            requireStored(response, "store object " + key, container, md5);
            deleteSegments(previous);
            return new StoredBlob(key, bytes.length, sha256, ObjectHeaders.storedAt(response, clock));
        }
    }

    private StoredBlob putSegments(ObjectKey key, String container, String segments, UploadSource source, List<String> staged)
            throws IOException {
        containers.ensure(segments);
        String uploadId = UUID.randomUUID().toString();
        List<Segment> stored = new ArrayList<>();
        do {
            if (stored.size() == SloManifest.MAX_SEGMENTS) {
                throw LakeException.of(ErrorCode.OBJECT_TOO_LARGE, "Cannot store object %s: it is larger than %d segments of %d bytes",
                        key, SloManifest.MAX_SEGMENTS, segmentBytes);
            }
            String name = SwiftNames.segmentName(key.name(), uploadId, stored.size());
            staged.add(name);
            stored.add(putSegment(key, segments, name, source));
        } while (source.hasMore());
        String sha256 = source.sha256Hex();
        List<String> previous = previousSegments(container, key.name());
        StoredBlob blob = stored.size() == 1
                ? copyIn(key, container, stored.get(0), sha256, source.size())
                : putManifest(key, container, stored, sha256, source.size());
        if (stored.size() == 1) {
            deleteQuietly(segments, staged, null);
        }
        staged.clear();
        deleteSegments(previous);
        return blob;
    }

    private Segment putSegment(ObjectKey key, String segments, String name, UploadSource source) throws IOException {
        SegmentBody body = new SegmentBody(source, segmentBytes);
        try (Response response = client.execute(session -> new Request.Builder().url(url(session, segments, name)).put(body))) {
            requireStored(response, "store a segment of object " + key, segments, body.md5Hex());
        }
        return new Segment("/" + segments + "/" + name, body.md5Hex(), body.written());
    }

    /** Copies the only segment under the key, server-side, with the lake's metadata. */
    private StoredBlob copyIn(ObjectKey key, String container, Segment segment, String sha256, long size) throws IOException {
        try (Response response = client.execute(session -> ObjectHeaders.lakeMetadata(new Request.Builder(), sha256)
                .url(url(session, container, key.name())).header("X-Copy-From", SwiftClient.encode(segment.path()))
                .header("Content-Type", ObjectHeaders.OCTET_STREAM).put(RequestBody.create(EMPTY)))) {
            requireCommitted(response, key, container, segment.md5());
            return new StoredBlob(key, size, sha256, ObjectHeaders.storedAt(response, clock));
        }
    }

    private StoredBlob putManifest(ObjectKey key, String container, List<Segment> stored, String sha256, long size) throws IOException {
        byte[] manifest = SloManifest.json(stored);
        try (Response response = client.execute(session -> ObjectHeaders.lakeMetadata(new Request.Builder(), sha256)
                .url(url(session, container, key.name()).newBuilder().addQueryParameter("multipart-manifest", "put").build())
                .header("Content-Type", ObjectHeaders.OCTET_STREAM).put(RequestBody.create(manifest, OCTET_STREAM)))) {
            requireCommitted(response, key, container, SloManifest.etag(stored));
            return new StoredBlob(key, size, sha256, ObjectHeaders.storedAt(response, clock));
        }
    }

    /** A committed object whose ETag is not what was sent holds other bytes: it is removed again (its segments are staged). */
    private void requireCommitted(Response response, ObjectKey key, String container, String expectedEtag) throws IOException {
        try {
            requireStored(response, "store object " + key, container, expectedEtag);
        } catch (LakeException e) {
            if (response.isSuccessful()) {
                client.execute(session -> new Request.Builder().url(url(session, container, key.name())).delete()).close();
                LOG.warn("Removed object {} again: Swift stored it with an unexpected ETag", key);
            }
            throw e;
        }
    }

    private void requireStored(Response response, String action, String container, String expectedMd5) {
        if (response.code() == 404) {
            containers.forget(container);
            throw LakeException.of(ErrorCode.STORAGE_FAILURE, "Cannot %s: container %s does not exist (deleted meanwhile?); "
                    + "the next put creates it again", action, container);
        }
        if (!response.isSuccessful()) {
            throw SwiftErrors.status(action, response);
        }
        String etag = ObjectHeaders.etag(response);
        if (!etag.equalsIgnoreCase(expectedMd5)) {
            throw LakeException.of(ErrorCode.STORAGE_FAILURE, "Cannot %s: Swift stored the bytes with ETag %s, expected %s", action, etag, expectedMd5);
        }
    }

    /** The segments of the Static Large Object now under the name, if it is one: they go once it is replaced. */
    private List<String> previousSegments(String container, String name) throws IOException {
        try (Response head = client.execute(session -> new Request.Builder().url(url(session, container, name)).head())) {
            if (head.code() == 404) {
                return List.of();
            }
            if (!head.isSuccessful()) {
                throw SwiftErrors.status("read object " + name + " of container " + container, head);
            }
            if (!ObjectHeaders.isStaticLargeObject(head.headers())) {
                return List.of();
            }
        }
        try (Response manifest = client.execute(session -> new Request.Builder().url(url(session, container, name).newBuilder()
                .addQueryParameter("multipart-manifest", "get").addQueryParameter("format", "raw").build())
                .header("Accept-Encoding", "identity").get())) {
            if (manifest.code() == 404) {
                return List.of();
            }
            if (!manifest.isSuccessful()) {
                throw SwiftErrors.status("read the manifest of object " + name + " of container " + container, manifest);
            }
            return SloManifest.paths(manifest.body().byteStream());
        }
    }

    /** Deletes segments given as {@code /container/name}; what cannot be deleted stays as garbage, logged. */
    private void deleteSegments(List<String> paths) {
        for (String path : paths) {
            try (Response response = client.execute(session -> new Request.Builder()
                    .url(session.storageUrl().newBuilder().addEncodedPathSegments(SwiftClient.encode(path.substring(1))).build()).delete())) {
                if (!response.isSuccessful() && response.code() != 404) {
                    LOG.warn("Cannot delete segment {} of a replaced object: HTTP {}", path, response.code());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot delete segment {} of a replaced object", path, e);
            }
        }
    }

    private void deleteQuietly(String container, List<String> names, Throwable failure) {
        for (String name : names) {
            try (Response response = client.execute(session -> new Request.Builder().url(url(session, container, name)).delete())) {
                if (!response.isSuccessful() && response.code() != 404) {
                    LOG.warn("Cannot delete segment {} of container {}: HTTP {}", name, container, response.code());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot delete segment {} of container {}", name, container, e);
                if (failure != null) {
                    failure.addSuppressed(e);
                }
            }
        }
    }
}
