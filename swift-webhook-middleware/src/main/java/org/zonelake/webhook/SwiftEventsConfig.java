package org.zonelake.webhook;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Settings of the Swift event receiver.
 *
 * @param secret the HMAC key shared with the proxy filter: the content of {@code ZONELAKE_SWIFT_EVENTS_SECRET_FILE},
 *               surrounding whitespace removed (the filter reads its {@code secret_file} the same way)
 * @param replayWindow how far the signed delivery time may be from now ({@code ZONELAKE_SWIFT_EVENTS_REPLAY_WINDOW}, 300s)
 * @param uploader the principal named as uploader of objects adopted from Swift ({@code ZONELAKE_SWIFT_EVENTS_UPLOADER}, swift)
 * @param account the Swift account whose events count, or empty for any ({@code ZONELAKE_SWIFT_EVENTS_ACCOUNT})
 * @param seenCapacity event ids the in-memory store remembers ({@code ZONELAKE_SWIFT_EVENTS_SEEN_CAPACITY}, 100000)
 * @param seenRetention how long the MongoDB store remembers an event id ({@code ZONELAKE_SWIFT_EVENTS_SEEN_RETENTION}, 7d)
 */
public record SwiftEventsConfig(String secret, Duration replayWindow, String uploader, String account, int seenCapacity,
                                Duration seenRetention) {
    public static final String SECRET_FILE = "swift.events.secret-file";
    public static final String REPLAY_WINDOW = "swift.events.replay-window";
    public static final String UPLOADER = "swift.events.uploader";
    public static final String ACCOUNT = "swift.events.account";
    public static final String SEEN_CAPACITY = "swift.events.seen-capacity";
    public static final String SEEN_RETENTION = "swift.events.seen-retention";
    public static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofSeconds(300);
    public static final String DEFAULT_UPLOADER = "swift";
    public static final int DEFAULT_SEEN_CAPACITY = 100_000;
    public static final Duration DEFAULT_SEEN_RETENTION = Duration.ofDays(7);

    public SwiftEventsConfig {
        requireNonNull(secret, "secret is null");
        requireNonNull(replayWindow, "replayWindow is null");
        requireNonNull(uploader, "uploader is null");
        requireNonNull(seenRetention, "seenRetention is null");
        account = account == null ? "" : account.trim();
        if (secret.isBlank()) {
            throw new IllegalArgumentException("The Swift events secret is empty");
        }
        if (replayWindow.isNegative() || replayWindow.isZero()) {
            throw new IllegalArgumentException(ConfigSource.environmentName(REPLAY_WINDOW) + " must be positive, was " + replayWindow);
        }
        if (uploader.isBlank()) {
            throw new IllegalArgumentException(ConfigSource.environmentName(UPLOADER) + " must not be empty");
        }
        if (seenCapacity < 1) {
            throw new IllegalArgumentException(ConfigSource.environmentName(SEEN_CAPACITY) + " must be positive, was " + seenCapacity);
        }
        if (seenRetention.toSeconds() < 1) {
            throw new IllegalArgumentException(ConfigSource.environmentName(SEEN_RETENTION) + " must be at least 1s, was " + seenRetention);
        }
    }

    /** The defaults around a given secret. */
    public static SwiftEventsConfig withSecret(String secret) {
        return new SwiftEventsConfig(secret, DEFAULT_REPLAY_WINDOW, DEFAULT_UPLOADER, "", DEFAULT_SEEN_CAPACITY, DEFAULT_SEEN_RETENTION);
    }

    /** Reads the settings; the secret file is required. */
    public static SwiftEventsConfig from(ConfigSource config) {
        Path secretFile = Path.of(config.get(SECRET_FILE).orElseThrow(() -> new LakeException(ErrorCode.INVALID_REQUEST,
                "Set " + ConfigSource.environmentName(SECRET_FILE) + " to the file holding the Swift webhook's secret")));
        return new SwiftEventsConfig(readSecret(secretFile), config.duration(REPLAY_WINDOW, DEFAULT_REPLAY_WINDOW),
                config.string(UPLOADER, DEFAULT_UPLOADER), config.string(ACCOUNT, ""),
                config.integer(SEEN_CAPACITY, DEFAULT_SEEN_CAPACITY), config.duration(SEEN_RETENTION, DEFAULT_SEEN_RETENTION));
    }

    /** The secret in the file: its content without surrounding whitespace. */
    public static String readSecret(Path file) {
        String secret;
        try {
            secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, "Cannot read the Swift webhook's secret file " + file + ": " + e, e);
        }
        if (secret.isEmpty()) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, "The Swift webhook's secret file " + file + " is empty");
        }
        return secret;
    }

    /** The HMAC key. */
    public byte[] key() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SwiftEventsConfig[secret=***, replayWindow=" + replayWindow + ", uploader=" + uploader + ", account="
                + (account.isEmpty() ? "<any>" : account) + ", seenCapacity=" + seenCapacity + ", seenRetention=" + seenRetention + "]";
    }
}
