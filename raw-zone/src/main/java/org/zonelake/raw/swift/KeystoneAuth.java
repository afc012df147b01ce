package org.zonelake.raw.swift;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Keystone v3 password authentication scoped to a project: the token from {@code X-Subject-Token}, its expiry, and the
 * public {@code object-store} endpoint of the token's catalog as the storage URL.
 */
public final class KeystoneAuth implements SwiftAuth {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final HttpUrl tokensUrl;
    private final SwiftConfig config;
    private final Clock clock;

    public KeystoneAuth(OkHttpClient http, SwiftConfig config, Clock clock) {
        this.http = requireNonNull(http, "http is null");
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.tokensUrl = HttpUrl.get(config.authUrl()).newBuilder().addPathSegments("auth/tokens").build();
    }

    @Override
    public SwiftSession authenticate() {
        Request request = new Request.Builder().url(tokensUrl).post(RequestBody.create(body(), APPLICATION_JSON)).build();
        Instant now = clock.instant();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 201 && response.code() != 200) {
                throw refused("HTTP " + response.code() + " " + response.message());
            }
            String token = response.header("X-Subject-Token");
            JsonNode answer;
            try (InputStream in = response.body().byteStream()) {
                answer = JSON.readTree(in).path("token");
            }
            HttpUrl storageUrl = storageUrl(answer.path("catalog"))
                    .orElseThrow(() -> refused("the catalog lists no public object-store endpoint"
                            + (config.region().isEmpty() ? "" : " in region " + config.region())));
            if (token == null || token.isBlank()) {
                throw refused("the answer lacks X-Subject-Token");
            }
            return SwiftSession.expiring(token, storageUrl, now, expiry(answer.path("expires_at").asText()));
        } catch (IOException e) {
            throw new LakeException(ErrorCode.STORAGE_FAILURE, String.format("Cannot authenticate to Keystone at %s as %s: %s",
                    config.authUrl(), config.user(), e), e);
        }
    }

    private byte[] body() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", config.user());
        user.putObject("domain").put("id", config.domain());
        user.put("password", config.password());
        ObjectNode project = auth.putObject("scope").putObject("project");
        project.put("name", config.project());
        project.putObject("domain").put("id", config.domain());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a Keystone auth request", e);
        }
    }

    private Optional<HttpUrl> storageUrl(JsonNode catalog) {
        for (JsonNode service : catalog) {
            if (!service.path("type").asText().equals("object-store")) {
                continue;
            }
            for (JsonNode endpoint : service.path("endpoints")) {
                boolean inRegion = config.region().isEmpty() || config.region().equals(endpoint.path("region_id").asText())
                        || config.region().equals(endpoint.path("region").asText());
                if (endpoint.path("interface").asText().equals("public") && inRegion) {
                    return Optional.ofNullable(HttpUrl.parse(endpoint.path("url").asText()));
                }
            }
        }
        return Optional.empty();
    }

    private Instant expiry(String expiresAt) {
        try {
            return Instant.parse(expiresAt);
        } catch (DateTimeParseException e) {
            throw refused("the token's expires_at '" + expiresAt + "' is not an ISO-8601 instant");
        }
    }

    private LakeException refused(String why) {
        return LakeException.of(ErrorCode.STORAGE_FAILURE, "Cannot authenticate to Keystone at %s as %s in project %s: %s",
                config.authUrl(), config.user(), config.project(), why);
    }
}
