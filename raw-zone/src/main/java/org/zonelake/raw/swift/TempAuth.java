package org.zonelake.raw.swift;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** Swift's v1.0 auth (tempauth, swauth): {@code GET .../auth/v1.0} with {@code X-Auth-User} and {@code X-Auth-Key}. */
public final class TempAuth implements SwiftAuth {
    /** When the server does not say how long a token lives. */
    private static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(30);

    private final OkHttpClient http;
    private final HttpUrl authUrl;
    private final String user;
    private final String key;
    private final Clock clock;

    public TempAuth(OkHttpClient http, String authUrl, String user, String key, Clock clock) {
        this.http = requireNonNull(http, "http is null");
        this.authUrl = HttpUrl.get(requireNonNull(authUrl, "authUrl is null"));
        this.user = requireNonNull(user, "user is null");
        this.key = requireNonNull(key, "key is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public SwiftSession authenticate() {
        Request request = new Request.Builder().url(authUrl).header("X-Auth-User", user).header("X-Auth-Key", key).get().build();
        Instant now = clock.instant();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw refused("HTTP " + response.code() + " " + response.message());
            }
            String token = response.header("X-Auth-Token");
            HttpUrl storageUrl = HttpUrl.parse(String.valueOf(response.header("X-Storage-Url")));
            if (token == null || token.isBlank() || storageUrl == null) {
                throw refused("the answer lacks X-Auth-Token or X-Storage-Url");
            }
            return SwiftSession.expiring(token, storageUrl, now, now.plus(lifetime(response.header("X-Auth-Token-Expires"))));
        } catch (IOException e) {
            throw new LakeException(ErrorCode.STORAGE_FAILURE, String.format("Cannot authenticate to Swift at %s as %s: %s", authUrl, user, e), e);
        }
    }

    private static Duration lifetime(String seconds) {
        try {
            return seconds == null ? ASSUMED_LIFETIME : Duration.ofSeconds(Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            return ASSUMED_LIFETIME;
        }
    }

    private LakeException refused(String why) {
        return LakeException.of(ErrorCode.STORAGE_FAILURE, "Cannot authenticate to Swift at %s as %s: %s", authUrl, user, why);
    }
}
