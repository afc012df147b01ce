package org.zonelake.raw.swift;

import static java.util.Objects.requireNonNull;
import static org.zonelake.raw.swift.SwiftClient.url;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.raw.ByteRange;
import org.zonelake.core.raw.ForeignObject;
import org.zonelake.core.raw.ForeignObjects;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.core.raw.StoredBlob;

/**
 * The raw zone on OpenStack Swift, over its REST API: a container {@code <prefix><project>} per project (created on
 * first put), large objects as Static Large Objects with their segments in {@code <prefix><project>_segments}, the
 * SHA-256 and a marker of the lake in each object's metadata (see {@link SwiftWriter} for how a put stays atomic).
 * Objects other clients wrote into a project's container can be adopted ({@link ForeignObjects}); until then
 * {@link #stat} and {@link #list} do not show them.
 *
 * <p>Errors: 404 is {@code OBJECT_NOT_FOUND}, 413 and 507 {@code STORAGE_FULL}, 416 {@code RANGE_NOT_SATISFIABLE};
 * refused credentials, 5xx answers and connection failures are {@code STORAGE_FAILURE}. Exceptions of the caller's
 * stream propagate as from every {@link ObjectStore}.
 */
public final class SwiftObjectStore implements ObjectStore, ForeignObjects, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final SwiftClient client;
    private final SwiftNames names;
    private final SwiftWriter writer;
    private final ForeignAdoption adoption;
    private final Clock clock;

    public SwiftObjectStore(SwiftConfig config) {
        this(config, httpClient(config.timeout()), Clock.systemUTC());
    }

    /** With the HTTP client to use (its timeouts apply) and a clock for token expiry. */
    public SwiftObjectStore(SwiftConfig config, OkHttpClient http, Clock clock) {
        this(SwiftAuth.of(config, http, clock), config.containerPrefix(), config.segmentBytes(), http, clock);
    }

    /** With any way of signing in. */
    public SwiftObjectStore(SwiftAuth auth, String containerPrefix, long segmentBytes, OkHttpClient http, Clock clock) {
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException("segmentBytes must be positive, was " + segmentBytes);
        }
        this.http = requireNonNull(http, "http is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.client = new SwiftClient(http, auth, clock);
        this.names = new SwiftNames(containerPrefix);
        Containers containers = new Containers(client);
        this.writer = new SwiftWriter(client, containers, segmentBytes, clock);
        this.adoption = new ForeignAdoption(client, containers, names::container, this::stat, clock);
    }

    /** An HTTP client with the timeouts of one request; none for a whole call, since objects stream for as long as they take. */
    public static OkHttpClient httpClient(Duration timeout) {
        return new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout).build();
    }

    @Override
    public StoredBlob put(ObjectKey key, InputStream content) {
        requireNonNull(key, "key is null");
        requireNonNull(content, "content is null");
        return writer.put(key, names.container(key.project()), content);
    }

    @Override
    public InputStream open(ObjectKey key, ByteRange range) {
        requireNonNull(key, "key is null");
        Response response = null;
        try {
            response = client.execute(session -> {
                Request.Builder request = new Request.Builder().url(url(session, names.container(key.project()), key.name()))
                        .header("Accept-Encoding", "identity").get();
                return range == null ? request : request.header("Range", "bytes=" + range.first() + "-" + range.last());
            });
            return switch (response.code()) {
                case 200, 206 -> response.body().byteStream();
                case 404 -> throw LakeException.of(ErrorCode.OBJECT_NOT_FOUND, "Object %s not found in the raw zone", key);
                case 416 -> throw LakeException.of(ErrorCode.RANGE_NOT_SATISFIABLE, "Range %d-%d of object %s starts beyond its end",
                        range == null ? 0 : range.first(), range == null ? 0 : range.last(), key);
                default -> throw SwiftErrors.status("read object " + key, response);
            };
        } catch (IOException e) {
            throw SwiftErrors.unreachable("read object " + key, e);
        } catch (RuntimeException e) {
            if (response != null) {
                response.close();
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredBlob> stat(ObjectKey key) {
        requireNonNull(key, "key is null");
        try (Response head = head(names.container(key.project()), key.name())) {
            if (head.code() == 404) {
                return Optional.empty();
            }
            if (!head.isSuccessful()) {
                throw SwiftErrors.status("read object " + key, head);
            }
            return ObjectHeaders.blob(key, head, clock);
        } catch (IOException e) {
            throw SwiftErrors.unreachable("read object " + key, e);
        }
    }

    @Override
    public boolean delete(ObjectKey key) {
        requireNonNull(key, "key is null");
        String container = names.container(key.project());
        try {
            boolean largeObject;
            try (Response head = head(container, key.name())) {
                if (head.code() == 404) {
                    return false;
                }
                if (!head.isSuccessful()) {
                    throw SwiftErrors.status("delete object " + key, head);
                }
                largeObject = ObjectHeaders.isStaticLargeObject(head.headers());
            }
            return largeObject ? deleteWithSegments(key, container) : deleteOne(key, container);
        } catch (IOException e) {
            throw SwiftErrors.unreachable("delete object " + key, e);
        }
    }

    @Override
    public Stream<StoredBlob> list(String project) {
        String container = names.container(SwiftNames.requireProject(project));
        // Swift's listing holds no user metadata: each object's SHA-256 comes from a HEAD as the caller consumes the stream.
        return StreamSupport.stream(new ContainerListing(client, container, ContainerListing.PAGE_SIZE), false)
                .filter(SwiftNames::isStorageName)
                .map(name -> stat(new ObjectKey(project, name)))
                .flatMap(Optional::stream);
    }

    @Override
    public Optional<String> projectOfContainer(String container) {
        return names.projectOf(container);
    }

    @Override
    public Optional<ForeignObject> stat(String project, String name) {
        String container = names.container(SwiftNames.requireProject(project));
        SwiftNames.requireForeignName(name);
        try (Response head = head(container, name)) {
            if (head.code() == 404) {
                return Optional.empty();
            }
            if (!head.isSuccessful()) {
                throw SwiftErrors.status("read object " + name + " of project " + project, head);
            }
            return Optional.of(ObjectHeaders.foreign(project, name, head, clock));
        } catch (IOException e) {
            throw SwiftErrors.unreachable("read object " + name + " of project " + project, e);
        }
    }

    @Override
    public StoredBlob adopt(String project, String name, ObjectKey target) {
        return adoption.adopt(project, name, target);
    }

    /** Releases the HTTP client's idle connections and threads. */
    @Override
    public void close() {
        http.connectionPool().evictAll();
    }

    private Response head(String container, String name) throws IOException {
        return client.execute(session -> new Request.Builder().url(url(session, container, name)).head());
    }

    private boolean deleteOne(ObjectKey key, String container) throws IOException {
        try (Response response = client.execute(session -> new Request.Builder().url(url(session, container, key.name())).delete())) {
            if (response.code() == 404) {
                return false;
            }
            if (!response.isSuccessful()) {
                throw SwiftErrors.status("delete object " + key, response);
            }
            return true;
        }
    }

    /** The manifest and its segments, in one request; Swift reports the outcome in the body of a 200. */
    private boolean deleteWithSegments(ObjectKey key, String container) throws IOException {
        JsonNode outcome;
        try (Response response = client.execute(session -> new Request.Builder().url(url(session, container, key.name()).newBuilder()
                .addQueryParameter("multipart-manifest", "delete").build()).header("Accept", "application/json").delete())) {
            if (!response.isSuccessful()) {
                throw SwiftErrors.status("delete object " + key, response);
            }
            outcome = JSON.readTree(response.body().byteStream());
        }
        String status = outcome.path("Response Status").asText();
        if (status.startsWith("400") && outcome.path("Errors").toString().contains("Not an SLO manifest")) {
            return deleteOne(key, container); // replaced by a plain object since the HEAD
        }
        if (!status.startsWith("2") || !outcome.path("Errors").isEmpty()) {
            throw LakeException.of(ErrorCode.STORAGE_FAILURE, "Cannot delete object %s: Swift reports %s %s", key, status, outcome.path("Errors"));
        }
        return outcome.path("Number Deleted").asLong() > 0;
    }
}
