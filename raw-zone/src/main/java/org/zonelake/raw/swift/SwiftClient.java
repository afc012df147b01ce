package org.zonelake.raw.swift;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swift's REST API with the lake's session: signs in on first use and again ahead of the token's expiry, and when Swift
 * refuses a token (401) signs in once more and repeats the request, unless its body was already streamed.
 */
final class SwiftClient {
    private static final Logger LOG = LoggerFactory.getLogger(SwiftClient.class);
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private final OkHttpClient http;
    private final SwiftAuth auth;
    private final Clock clock;
    private SwiftSession session;

    /** A request against the storage URL of a session; the client adds the token. */
    @FunctionalInterface
    interface Call {
        Request.Builder request(SwiftSession session);
    }

    SwiftClient(OkHttpClient http, SwiftAuth auth, Clock clock) {
        this.http = requireNonNull(http, "http is null");
        this.auth = requireNonNull(auth, "auth is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Executes the call; the caller closes the response. An IOException means the request did not complete. */
    Response execute(Call call) throws IOException {
        SwiftSession current = session();
        Request request = authorized(call.request(current), current);
        Response response = http.newCall(request).execute();
        if (response.code() != 401 || !repeatable(request)) {
            return response;
        }
        response.close();
        LOG.debug("Swift refused the lake's token for {} {}; signing in again", request.method(), request.url().encodedPath());
        SwiftSession renewed = renew(current);
        return http.newCall(authorized(call.request(renewed), renewed)).execute();
    }

    /** The current session, signing in when there is none or it is due for renewal. */
    synchronized SwiftSession session() {
        if (session == null || !clock.instant().isBefore(session.refreshAt())) {
            session = auth.authenticate();
        }
        return session;
    }

    /** Signs in again unless another thread already replaced the refused session. */
    private synchronized SwiftSession renew(SwiftSession refused) {
        if (session == null || session == refused) {
            session = auth.authenticate();
        }
        return session;
    }

    private static Request authorized(Request.Builder builder, SwiftSession session) {
        Request request = builder.header("X-Auth-Token", session.token()).build();
        if (request.body() instanceof SegmentBody) {
            // Swift answers a refused request before the body is read; the stream stays untouched for the repeat.
            return request.newBuilder().header("Expect", "100-continue").build();
        }
        return request;
    }

    private static boolean repeatable(Request request) {
        return !(request.body() instanceof SegmentBody body) || !body.started();
    }

    /** The URL of a container. */
    static HttpUrl url(SwiftSession session, String container) {
        return session.storageUrl().newBuilder().addEncodedPathSegment(encode(container)).build();
    }

    /** The URL of an object; a {@code /} in its name separates path segments, as Swift expects. */
    static HttpUrl url(SwiftSession session, String container, String name) {
        return session.storageUrl().newBuilder().addEncodedPathSegment(encode(container)).addEncodedPathSegments(encode(name)).build();
    }

    /** {@code /container/name}, percent-encoded, as {@code X-Copy-From} takes it. */
    static String path(String container, String name) {
        return "/" + encode(container) + "/" + encode(name);
    }

    /** Percent-encodes UTF-8 bytes except unreserved characters and {@code /}. */
    static String encode(String name) {
        StringBuilder encoded = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '/' || UNRESERVED.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
