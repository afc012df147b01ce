package org.zonelake.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.zonelake.raw.swift.KeystoneAuth;
import org.zonelake.raw.swift.SwiftConfig;
import org.zonelake.raw.swift.SwiftSession;

/**
 * Swift's REST API straight, as the lake's Swift user signed in through Keystone (the raw zone's own {@link KeystoneAuth}):
 * the baseline's PUT of a file, and removing what the benchmark left in its containers. The token never leaves this class.
 */
final class SwiftDirect {
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private final OkHttpClient http;
    private final SwiftSession session;

    SwiftDirect(SwiftConfig config) {
        Duration timeout = Duration.ofMinutes(5);
        this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout).build();
        this.session = new KeystoneAuth(http, config, Clock.systemUTC()).authenticate();
    }

    HttpUrl storageUrl() {
        return session.storageUrl();
    }

    void createContainer(String container) {
        try (Response response = execute(new Request.Builder().url(url(container)).put(RequestBody.create(new byte[0])))) {
            LakeClient.require(response.code() == 201 || response.code() == 202, "creating container " + container + " answered " + response.code());
        }
    }

    /** One PUT of the file, streamed from disk with its length (OkHttp's file body); answers Swift's ETag. */
    String put(String container, String name, Path file) {
        try (Response response = execute(new Request.Builder().url(url(container, name)).put(RequestBody.create(file.toFile(), OCTET_STREAM)))) {
            LakeClient.require(response.code() == 201, "PUT of " + name + " into " + container + " answered " + response.code());
            return response.header("ETag", "");
        }
    }

    void delete(String container, String name) {
        try (Response response = execute(new Request.Builder().url(url(container, name)).delete())) {
            LakeClient.require(response.isSuccessful() || response.code() == 404,
                    "DELETE of " + name + " in " + container + " answered " + response.code());
        }
    }

    /** Deletes every object left in the container, then the container; a missing container is fine. */
    void deleteContainer(String container) {
        for (String name : names(container)) {
            delete(container, name);
        }
        try (Response response = execute(new Request.Builder().url(url(container)).delete())) {
            LakeClient.require(response.isSuccessful() || response.code() == 404,
                    "DELETE of container " + container + " answered " + response.code());
        }
    }

    /** The first 10,000 object names (Swift's page): plenty for what one run of the benchmark leaves. */
    private List<String> names(String container) {
        try (Response response = execute(new Request.Builder().url(url(container)).get())) {
            if (response.code() == 404 || response.code() == 204) {
                return List.of();
            }
            LakeClient.require(response.isSuccessful(), "listing container " + container + " answered " + response.code());
            return response.body().string().lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list container " + container, e);
        }
    }

    private HttpUrl url(String container, String... name) {
        HttpUrl.Builder url = session.storageUrl().newBuilder().addPathSegment(container);
        for (String part : name) {
            url.addPathSegments(part);
        }
        return url.build();
    }

    private Response execute(Request.Builder request) {
        Request signed = request.header("X-Auth-Token", session.token()).build();
        try {
            return http.newCall(signed).execute();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot " + signed.method() + " " + signed.url().encodedPath(), e);
        }
    }
}
