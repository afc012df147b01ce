package org.zonelake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.error.LakeException;

class SwiftEventsConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAroundTheSecretFile() throws IOException {
        Path file = Files.writeString(dir.resolve("webhook.secret"), "  s3cret\n");

        SwiftEventsConfig config = SwiftEventsConfig.from(ConfigSource.of(Map.of("ZONELAKE_SWIFT_EVENTS_SECRET_FILE", file.toString())));

        assertThat(config).isEqualTo(new SwiftEventsConfig("s3cret", Duration.ofSeconds(300), "swift", "", 100_000, Duration.ofDays(7)));
    }

    @Test
    void readsEveryKey() throws IOException {
        Path file = Files.writeString(dir.resolve("webhook.secret"), "k");

        SwiftEventsConfig config = SwiftEventsConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_SWIFT_EVENTS_SECRET_FILE", file.toString(), "ZONELAKE_SWIFT_EVENTS_REPLAY_WINDOW", "2m",
                "ZONELAKE_SWIFT_EVENTS_UPLOADER", "swift-direct", "ZONELAKE_SWIFT_EVENTS_ACCOUNT", "AUTH_lake",
                "ZONELAKE_SWIFT_EVENTS_SEEN_CAPACITY", "10", "ZONELAKE_SWIFT_EVENTS_SEEN_RETENTION", "1d")));

        assertThat(config).isEqualTo(new SwiftEventsConfig("k", Duration.ofMinutes(2), "swift-direct", "AUTH_lake", 10, Duration.ofDays(1)));
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(SwiftEventsConfig.withSecret("hunter2").toString()).doesNotContain("hunter2").contains("secret=***");
    }

    @Test
    void aMissingOrEmptySecretFileIsAConfigurationErrorThatDoesNotShowTheSecret() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), " \n");

        assertThatThrownBy(() -> SwiftEventsConfig.from(ConfigSource.of(Map.of()))).isInstanceOf(LakeException.class)
                .hasMessageContaining("ZONELAKE_SWIFT_EVENTS_SECRET_FILE");
        assertThatThrownBy(() -> SwiftEventsConfig.readSecret(dir.resolve("absent"))).isInstanceOf(LakeException.class);
        assertThatThrownBy(() -> SwiftEventsConfig.readSecret(empty)).isInstanceOf(LakeException.class).hasMessageContaining("is empty");
    }

    @Test
    void rejectsANonPositiveReplayWindow() {
        assertThatThrownBy(() -> new SwiftEventsConfig("k", Duration.ZERO, "swift", "", 1, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_SWIFT_EVENTS_REPLAY_WINDOW");
    }
}
