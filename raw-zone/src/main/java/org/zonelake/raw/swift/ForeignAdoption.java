package org.zonelake.raw.swift;

import static java.util.Objects.requireNonNull;
import static org.zonelake.raw.swift.SwiftClient.url;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.StoredBlob;

/**
 * Takes an object another client wrote into a project's container under the lake's storage name: reads it once for its
 * size and SHA-256, copies it server-side with the lake's metadata (a Static Large Object by its manifest, so its
 * segments are shared, not copied; a Dynamic Large Object by its bytes, since its content is a listing that may change),
 * checks that the copy is what was read (by ETag), then deletes the foreign name (not the segments, which the copy uses).
 */
final class ForeignAdoption {
    private static final Logger LOG = LoggerFactory.getLogger(ForeignAdoption.class);
    private static final byte[] EMPTY = new byte[0];

    private final SwiftClient client;
    private final Containers containers;
    private final Function<String, String> containerOf;
    private final Function<ObjectKey, Optional<StoredBlob>> stat;
    private final Clock clock;

    /** What was read of the foreign object. */
    private record Read(long size, String sha256, String md5, String etag, boolean staticLargeObject, boolean dynamicLargeObject) {
    }

    ForeignAdoption(SwiftClient client, Containers containers, Function<String, String> containerOf,
                    Function<ObjectKey, Optional<StoredBlob>> stat, Clock clock) {
        this.client = requireNonNull(client, "client is null");
        this.containers = requireNonNull(containers, "containers is null");
        this.containerOf = requireNonNull(containerOf, "containerOf is null");
        this.stat = requireNonNull(stat, "stat is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    StoredBlob adopt(String project, String name, ObjectKey target) {
        String source = containerOf.apply(SwiftNames.requireProject(project));
        SwiftNames.requireForeignName(name);
        requireNonNull(target, "target is null");
        if (project.equals(target.project()) && name.equals(target.name())) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "Cannot adopt object %s of project %s under its own name", name, project);
        }
        String action = "adopt object " + name + " of project " + project + " as " + target;
        try {
            Optional<Read> read = read(source, name, action);
            if (read.isEmpty()) {
                // Nothing under the name: an adoption that completed before leaves its result, anything else is not found.
                return stat.apply(target).orElseThrow(() -> LakeException.of(ErrorCode.OBJECT_NOT_FOUND,
                        "Cannot %s: nothing is stored under that name", action));
            }
            StoredBlob blob = copy(source, name, target, read.get(), action);
            deleteForeignName(source, name);
            return blob;
        } catch (IOException e) {
            throw SwiftErrors.unreachable(action, e);
        }
    }

    private Optional<Read> read(String container, String name, String action) throws IOException {
        try (Response response = client.execute(session -> new Request.Builder().url(url(session, container, name))
                .header("Accept-Encoding", "identity").get())) {
            if (response.code() == 404) {
                return Optional.empty();
            }
            if (!response.isSuccessful()) {
                throw SwiftErrors.status(action, response);
            }
            MessageDigest sha256 = UploadSource.digest("SHA-256");
            MessageDigest md5 = UploadSource.digest("MD5");
            long size = 0;
            byte[] buffer = new byte[UploadSource.BUFFER_BYTES];
            try (InputStream in = response.body().byteStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    sha256.update(buffer, 0, read);
                    md5.update(buffer, 0, read);
                    size += read;
                }
            }
            return Optional.of(new Read(size, HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(md5.digest()),
                    ObjectHeaders.etag(response), ObjectHeaders.isStaticLargeObject(response.headers()),
                    ObjectHeaders.isDynamicLargeObject(response.headers())));
        }
    }

    private StoredBlob copy(String container, String name, ObjectKey target, Read read, String action) throws IOException {
        if (!read.staticLargeObject() && !read.dynamicLargeObject() && !read.md5().equalsIgnoreCase(read.etag())) {
            throw LakeException.of(ErrorCode.STORAGE_FAILURE, "Cannot %s: its bytes do not match its ETag %s (changed while read?)", action, read.etag());
        }
        String targetContainer = containerOf.apply(target.project());
        containers.ensure(targetContainer);
        try (Response response = client.execute(session -> ObjectHeaders.lakeMetadata(new Request.Builder(), read.sha256())
                .url(copyUrl(url(session, targetContainer, target.name()), read))
                .header("X-Copy-From", SwiftClient.path(container, name)).put(RequestBody.create(EMPTY)))) {
            if (response.code() == 404) {
                throw LakeException.of(ErrorCode.OBJECT_NOT_FOUND, "Cannot %s: it was deleted while being adopted", action);
            }
            if (!response.isSuccessful()) {
                throw SwiftErrors.status(action, response);
            }
            // A manifest's copy has the manifest's ETag; a copy of bytes has their MD5.
            String expected = read.staticLargeObject() ? read.etag() : read.md5();
            if (!ObjectHeaders.etag(response).equalsIgnoreCase(expected)) {
                removeCopy(targetContainer, target);
                throw LakeException.of(ErrorCode.STORAGE_FAILURE, "Cannot %s: it changed while being adopted; try again", action);
            }
            return new StoredBlob(target, read.size(), read.sha256(), ObjectHeaders.storedAt(response, clock));
        }
    }

    /** The copy of a Static Large Object copies its manifest, which then shares the segments. */
    private static HttpUrl copyUrl(HttpUrl target, Read read) {
        return read.staticLargeObject() ? target.newBuilder().addQueryParameter("multipart-manifest", "get").build() : target;
    }

    /** Deletes a copy that does not hold what was read; a manifest copy goes without its segments, which are not its own. */
    private void removeCopy(String container, ObjectKey target) throws IOException {
        try (Response response = client.execute(session -> new Request.Builder().url(url(session, container, target.name())).delete())) {
            if (!response.isSuccessful() && response.code() != 404) {
                LOG.warn("Cannot remove the failed adoption copy {}: HTTP {}", target, response.code());
            }
        }
    }

    private void deleteForeignName(String container, String name) throws IOException {
        try (Response response = client.execute(session -> new Request.Builder().url(url(session, container, name)).delete())) {
            if (!response.isSuccessful() && response.code() != 404) {
                throw SwiftErrors.status("delete the adopted object " + name + " of container " + container, response);
            }
        }
    }
}
