package org.zonelake.pipelines.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;

class LocalRunnerConfigTest {
    @Test
    void defaultsToTwoWorkersOneMinuteLeaseOneSecondPollAndFiveAttempts() {
        LocalRunnerConfig config = LocalRunnerConfig.from(ConfigSource.of(Map.of()));

        assertThat(config).isEqualTo(LocalRunnerConfig.defaults());
        assertThat(config.workers()).isEqualTo(2);
        assertThat(config.lease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.maxAttempts()).isEqualTo(5);
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.retryBackoffMax()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void readsEveryKeyFromTheEnvironment() {
        LocalRunnerConfig config = LocalRunnerConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_PIPELINE_WORKERS", "4",
                "ZONELAKE_PIPELINE_LEASE", "5m",
                "ZONELAKE_PIPELINE_POLL_INTERVAL", "250ms",
                "ZONELAKE_PIPELINE_MAX_ATTEMPTS", "8",
                "ZONELAKE_PIPELINE_RETRY_BACKOFF", "2s",
                "ZONELAKE_PIPELINE_RETRY_BACKOFF_MAX", "PT1M")));

        assertThat(config).isEqualTo(new LocalRunnerConfig(4, Duration.ofMinutes(5), Duration.ofMillis(250), 8,
                Duration.ofSeconds(2), Duration.ofMinutes(1)));
    }

    @Test
    void doublesTheBackoffPerFailedAttemptUpToTheCap() {
        LocalRunnerConfig config = LocalRunnerConfig.defaults();

        assertThat(config.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.backoffAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(config.backoffAfter(20)).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.backoffAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rejectsNonPositiveSettings() {
        assertThatThrownBy(() -> LocalRunnerConfig.from(ConfigSource.of(Map.of("ZONELAKE_PIPELINE_WORKERS", "0"))))
                .hasMessageContaining("ZONELAKE_PIPELINE_WORKERS");
        assertThatThrownBy(() -> LocalRunnerConfig.from(ConfigSource.of(Map.of("ZONELAKE_PIPELINE_LEASE", "0s"))))
                .hasMessageContaining("ZONELAKE_PIPELINE_LEASE");
    }
}
