package org.zonelake.raw.swift;

import static org.zonelake.raw.swift.SwiftClient.url;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Looks at (and writes to) the Swift account behind the store's back, the way other clients do, with the same credentials. */
final class SwiftInspector {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SwiftClient client;

    SwiftInspector(SwiftConfig config) {
        OkHttpClient http = SwiftObjectStore.httpClient(config.timeout());
        this.client = new SwiftClient(http, SwiftAuth.of(config, http, Clock.systemUTC()), Clock.systemUTC());
    }

    List<String> containers(String prefix) {
        return names(get(session -> session.storageUrl().newBuilder().addQueryParameter("format", "json")
                .addQueryParameter("prefix", prefix).build().toString()));
    }

    /** Object names of a container; empty if it does not exist. */
    List<String> objects(String container) {
        return names(get(session -> url(session, container).newBuilder().addQueryParameter("format", "json").build().toString()));
    }

    Headers head(String container, String name) {
        try (Response response = client.execute(session -> new Request.Builder().url(url(session, container, name)).head())) {
            return response.code() == 404 ? null : response.headers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The segment paths ({@code /container/name}) a Static Large Object refers to; empty for other objects. */
    List<String> segmentsOf(String container, String name) {
        Headers headers = head(container, name);
        if (headers == null || !ObjectHeaders.isStaticLargeObject(headers)) {
            return List.of();
        }
        JsonNode manifest = get(session -> url(session, container, name).newBuilder().addQueryParameter("multipart-manifest", "get")
                .addQueryParameter("format", "raw").build().toString());
        List<String> paths = new ArrayList<>();
        manifest.forEach(segment -> paths.add(segment.path("path").asText()));
        return paths;
    }

    /** A plain PUT, as {@code swift upload} does for a small file. */
    void upload(String container, String name, byte[] content, Map<String, String> headers) {
        put(container, "", new byte[0], Map.of(), "");
        put(container, name, content, headers, "");
    }

    /**
     * A Static Large Object as {@code swift upload --segment-size} makes it: segments under
     * {@code <container>_segments/<name>/slo/<time>/<size>/<segment size>/<index>}, then the manifest.
     */
    void uploadLarge(String container, String name, byte[] content, int segmentBytes) {
        String segments = container + "_segments";
        put(container, "", new byte[0], Map.of(), "");
        put(segments, "", new byte[0], Map.of(), "");
        String prefix = name + "/slo/1700000000.000000/" + content.length + "/" + segmentBytes + "/";
        StringBuilder manifest = new StringBuilder("[");
        for (int offset = 0, index = 0; offset < content.length; offset += segmentBytes, index++) {
            byte[] piece = java.util.Arrays.copyOfRange(content, offset, Math.min(content.length, offset + segmentBytes));
            String segmentName = prefix + String.format("%08d", index);
            put(segments, segmentName, piece, Map.of(), "");
            manifest.append(index == 0 ? "" : ",").append("{\"path\":\"/").append(segments).append('/').append(segmentName)
                    .append("\",\"etag\":\"").append(md5(piece)).append("\",\"size_bytes\":").append(piece.length).append('}');
        }
        put(container, name, manifest.append(']').toString().getBytes(), Map.of("X-Object-Meta-Mtime", "1700000000.0"), "multipart-manifest=put");
    }

    /** Deletes every object of the containers that start with the prefix, then the containers. */
    void deleteAll(String prefix) {
        for (String container : new TreeSet<>(containers(prefix)).descendingSet()) {
            for (String name : objects(container)) {
                delete(container, name);
            }
            delete(container, "");
        }
    }

    private void put(String container, String name, byte[] content, Map<String, String> headers, String query) {
        try (Response response = client.execute(session -> {
            var target = name.isEmpty() ? url(session, container) : url(session, container, name);
            Request.Builder request = new Request.Builder().url(query.isEmpty() ? target.toString() : target + "?" + query)
                    .put(RequestBody.create(content, MediaType.get(headers.getOrDefault("Content-Type", "application/octet-stream"))));
            headers.forEach(request::header);
            return request;
        })) {
            if (!response.isSuccessful()) {
                throw new IllegalStateException("PUT " + container + "/" + name + " failed: HTTP " + response.code() + " " + response.body().string());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(String container, String name) {
        try (Response response = client.execute(session -> new Request.Builder()
                .url(name.isEmpty() ? url(session, container) : url(session, container, name)).delete())) {
            if (!response.isSuccessful() && response.code() != 404) {
                throw new IllegalStateException("DELETE " + container + "/" + name + " failed: HTTP " + response.code());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode get(java.util.function.Function<SwiftSession, String> url) {
        try (Response response = client.execute(session -> new Request.Builder().url(url.apply(session)).get())) {
            if (response.code() == 404 || response.code() == 204) {
                return JSON.createArrayNode();
            }
            if (!response.isSuccessful()) {
                throw new IllegalStateException("GET failed: HTTP " + response.code());
            }
            return JSON.readTree(response.body().byteStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(JsonNode listing) {
        List<String> names = new ArrayList<>();
        listing.forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }

    static String md5(byte[] content) {
        return HexFormat.of().formatHex(UploadSource.digest("MD5").digest(content));
    }
}
