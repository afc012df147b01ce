package org.zonelake.identity.keystone;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Keystone's v3 REST API over OkHttp, called as the service's own admin user. Transport failures, server errors
 * and refusals of the service user become {@link LakeException}s here; the answers callers interpret themselves
 * (2xx, 404, 409) come back as a {@link Reply}.
 */
final class KeystoneClient implements AutoCloseable {
    /** A token is renewed this long before Keystone's expiry, so that no call carries one that expires in flight. */
    private static final Duration RENEWAL_MARGIN = Duration.ofMinutes(5);
    private static final MediaType JSON = MediaType.get("application/json");

    /** Keystone's answer: status, parsed JSON body (missing when empty), and the {@code X-Subject-Token} header. */
    record Reply(int status, JsonNode body, String subjectToken) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String message() {
            return body.path("error").path("message").asText("");
        }
    }

    private final KeystoneConfig config;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;
    private String serviceToken;
    private Instant serviceTokenExpiresAt = Instant.MIN;

    KeystoneClient(KeystoneConfig config, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.base = HttpUrl.get(config.url());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.timeout())
                .readTimeout(config.timeout())
                .writeTimeout(config.timeout())
                .build();
    }

    /** {@code base/segments}, e.g. {@code url("users")}; add query parameters on the returned builder. */
    HttpUrl.Builder url(String segments) {
        return base.newBuilder().addPathSegments(segments);
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    /** Sends as the service user (renewing its token once if Keystone no longer accepts it). */
    Reply asService(String method, HttpUrl url, JsonNode body, String subjectToken, String action) {
        Reply reply = send(request(method, url, body, subjectToken).header("X-Auth-Token", serviceToken(false)).build(), action);
        if (reply.status() == 401) {
            reply = send(request(method, url, body, subjectToken).header("X-Auth-Token", serviceToken(true)).build(), action);
        }
        return checked(reply, action);
    }

    Reply asService(String method, HttpUrl url, JsonNode body, String action) {
        return asService(method, url, body, null, action);
    }

    /** Sends without credentials (a password login); every answer below 500 comes back. */
    Reply anonymous(String method, HttpUrl url, JsonNode body, String action) {
        Reply reply = send(request(method, url, body, null).build(), action);
        if (reply.status() >= 500) {
            throw serverError(reply, action);
        }
        return reply;
    }

    /** The password part of an authentication request; {@code domain} is the user's domain id. */
    ObjectNode passwordAuth(String username, String password) {
        ObjectNode auth = object();
        ObjectNode identity = auth.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", username);
        user.putObject("domain").put("id", config.domain());
        user.put("password", password);
        return auth;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private synchronized String serviceToken(boolean renew) {
        if (!renew && serviceToken != null && clock.instant().isBefore(serviceTokenExpiresAt.minus(RENEWAL_MARGIN))) {
            return serviceToken;
        }
        ObjectNode body = passwordAuth(config.adminUser(), config.adminPassword());
        ObjectNode project = ((ObjectNode) body.get("auth")).putObject("scope").putObject("project");
        project.put("name", config.adminProject());
        project.putObject("domain").put("id", config.domain());
        String action = "log in to Keystone as the service user " + config.adminUser();
        Reply reply = send(request("POST", url("auth/tokens").build(), body, null).build(), action);
        if (reply.status() != 201 || reply.subjectToken() == null) {
            throw serviceUserRefused(reply, action);
        }
        serviceToken = reply.subjectToken();
        serviceTokenExpiresAt = Instant.parse(reply.body().path("token").path("expires_at").asText());
        return serviceToken;
    }

    private Request.Builder request(String method, HttpUrl url, JsonNode body, String subjectToken) {
        RequestBody content = body == null ? null : RequestBody.create(body.toString(), JSON);
        if (content == null && ("PUT".equals(method) || "POST".equals(method) || "PATCH".equals(method))) {
            content = RequestBody.create(new byte[0], null);
        }
        Request.Builder request = new Request.Builder().url(url).method(method, content).header("Accept", "application/json");
        return subjectToken == null ? request : request.header("X-Subject-Token", subjectToken);
    }

    private Reply send(Request request, String action) {
        try (Response response = http.newCall(request).execute()) {
            return new Reply(response.code(), json(response.body()), response.header("X-Subject-Token"));
        } catch (JsonProcessingException e) {
            throw LakeException.of(ErrorCode.METADATA_FAILURE, "Cannot %s: Keystone at %s answered malformed JSON", action, base);
        } catch (IOException e) {
            throw new LakeException(ErrorCode.METADATA_FAILURE,
                    String.format("Cannot %s: Keystone at %s is unreachable: %s", action, base, e.getMessage()), e);
        }
    }

    private JsonNode json(ResponseBody body) throws IOException {
        MediaType type = body == null ? null : body.contentType();
        if (type == null || !"json".equals(type.subtype())) {
            return MissingNode.getInstance();
        }
        try (InputStream in = body.byteStream()) {
            JsonNode node = mapper.readTree(in);
            return node == null ? MissingNode.getInstance() : node;
        }
    }

    private Reply checked(Reply reply, String action) {
        int status = reply.status();
        if (reply.ok() || status == 404 || status == 409) {
            return reply;
        }
        if (status == 400) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "Cannot %s: Keystone rejected the request: %s", action, reply.message());
        }
        if (status == 401) {
            throw serviceUserRefused(reply, action);
        }
        if (status == 403) {
            throw LakeException.of(ErrorCode.FORBIDDEN, "Cannot %s: Keystone forbids it to the service user %s: %s",
                    action, config.adminUser(), reply.message());
        }
        throw serverError(reply, action);
    }

    private LakeException serviceUserRefused(Reply reply, String action) {
        if (reply.status() >= 500) {
            return serverError(reply, action);
        }
        // A configuration fault of the server, not of the caller: the EXTERNAL category, as for an unreachable Keystone.
        return LakeException.of(ErrorCode.METADATA_FAILURE,
                "Cannot %s: Keystone answered %d to the service user %s of project %s in domain %s; check ZONELAKE_IDENTITY_KEYSTONE_ADMIN_*",
                action, reply.status(), config.adminUser(), config.adminProject(), config.domain());
    }

    private LakeException serverError(Reply reply, String action) {
        return LakeException.of(ErrorCode.METADATA_FAILURE, "Cannot %s: Keystone at %s answered %d %s",
                action, base, reply.status(), reply.message());
    }
}
