package org.zonelake.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class AirflowConfigTest {
    @Test
    void defaultsEverythingButWhereAirflowIs() {
        AirflowConfig config = AirflowConfig.from(ConfigSource.of(Map.of("ZONELAKE_AIRFLOW_URL", "http://127.0.0.1:58090/")));

        assertThat(config.url()).isEqualTo("http://127.0.0.1:58090");
        assertThat(config.user()).isEmpty();
        assertThat(config.authenticated()).isFalse();
        assertThat(config.apiVersion()).isEqualTo(ApiVersion.AUTO);
        assertThat(config.dagId()).isEqualTo("zonelake_object_stored");
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.lease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.retryBackoffMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsEveryKeyFromTheEnvironment() {
        AirflowConfig config = AirflowConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_AIRFLOW_URL", "https://airflow.example:8443",
                "ZONELAKE_AIRFLOW_USER", "lake",
                "ZONELAKE_AIRFLOW_PASSWORD", "pa55",
                "ZONELAKE_AIRFLOW_API_VERSION", "V1",
                "ZONELAKE_AIRFLOW_DAG_ID", "my_dag",
                "ZONELAKE_AIRFLOW_POLL_INTERVAL", "2s",
                "ZONELAKE_AIRFLOW_LEASE", "5m",
                "ZONELAKE_AIRFLOW_RETRY_BACKOFF", "500ms",
                "ZONELAKE_AIRFLOW_RETRY_BACKOFF_MAX", "1m",
                "ZONELAKE_AIRFLOW_REQUEST_TIMEOUT", "10s")));

        assertThat(config).isEqualTo(new AirflowConfig("https://airflow.example:8443", "lake", "pa55", ApiVersion.V1, "my_dag",
                Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMillis(500), Duration.ofMinutes(1), Duration.ofSeconds(10)));
    }

    @Test
    void requiresTheUrl() {
        assertThatThrownBy(() -> AirflowConfig.from(ConfigSource.of(Map.of())))
                .isInstanceOf(LakeException.class).hasMessageContaining("ZONELAKE_AIRFLOW_URL is required");
    }

    @Test
    void refusesCredentialsInTheUrlWithoutRepeatingThem() {
        assertThatThrownBy(() -> AirflowConfig.of("http://lake:secret@127.0.0.1:58090", "", "", ApiVersion.V2))
                .isInstanceOf(LakeException.class).hasMessageContaining("must not carry credentials").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> AirflowConfig.of("ftp://lake:secret@host", "", "", ApiVersion.V2))
                .hasMessageContaining("must start with http").hasMessageNotContaining("secret");
    }

    @Test
    void refusesAnUnknownApiVersionAndAnInvalidDagId() {
        assertThatThrownBy(() -> AirflowConfig.from(ConfigSource.of(Map.of("ZONELAKE_AIRFLOW_URL", "http://a", "ZONELAKE_AIRFLOW_API_VERSION", "v3"))))
                .isInstanceOf(LakeException.class).hasMessageContaining("ZONELAKE_AIRFLOW_API_VERSION");
        assertThatThrownBy(() -> AirflowConfig.of("http://a", "", "", ApiVersion.V2).withDagId("no spaces"))
                .hasMessageContaining("ZONELAKE_AIRFLOW_DAG_ID");
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(AirflowConfig.of("http://127.0.0.1:58090", "lake", "pa55-word", ApiVersion.V2).toString())
                .contains("user=lake", "password=***").doesNotContain("pa55-word");
    }

    @Test
    void doublesTheBackoffPerFailureUpToTheMaximum() {
        AirflowConfig config = AirflowConfig.of("http://a", "", "", ApiVersion.V2)
                .withTimings(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(config.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.backoffAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(config.backoffAfter(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.backoffAfter(500)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void picksTheLocalRunnerUnlessAirflowIsConfigured() {
        assertThat(PipelineTriggerKind.from(ConfigSource.of(Map.of()))).isEqualTo(PipelineTriggerKind.LOCAL);
        assertThat(PipelineTriggerKind.from(ConfigSource.of(Map.of("ZONELAKE_PIPELINES_TRIGGER", "Airflow")))).isEqualTo(PipelineTriggerKind.AIRFLOW);
        assertThatThrownBy(() -> PipelineTriggerKind.from(ConfigSource.of(Map.of("ZONELAKE_PIPELINES_TRIGGER", "oozie"))))
                .isInstanceOf(LakeException.class).hasMessageContaining("oozie").hasMessageContaining("ZONELAKE_PIPELINES_TRIGGER")
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }
}
