package org.zonelake.raw.swift;

import java.time.Clock;
import okhttp3.OkHttpClient;

/** How the lake signs in to Swift: a token and the storage URL of its account. */
public interface SwiftAuth {
    /** Signs in. Throws {@code LakeException(STORAGE_FAILURE)} if the auth service refuses or cannot be reached. */
    SwiftSession authenticate();

    /** The authentication the configuration names. */
    static SwiftAuth of(SwiftConfig config, OkHttpClient http, Clock clock) {
        return switch (config.auth()) {
            case TEMPAUTH -> new TempAuth(http, config.authUrl(), config.user(), config.key(), clock);
            case KEYSTONE -> new KeystoneAuth(http, config, clock);
        };
    }
}
