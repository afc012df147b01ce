package org.zonelake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributedBenchmarkPartsTest {
    private static final String SEGMENT_PUT = "proxy-keystone: 127.0.0.1 127.0.0.1 21/Nov/2026/21/26/58 PUT "
            + "/v1/AUTH_fa7c/zonelake_chain_segments/1/0d90/000004 HTTP/1.0 201 - okhttp/4.12.0 gAAAAABrAgyiLkcD... 1048576 - - "
            + "txb14df8b96ddc46f783123-006b020ca2 - 0.0642 - - 1795296418.794115067 1795296418.858312130 0";
    private static final String MANIFEST_PUT = "proxy-keystone: 127.0.0.1 127.0.0.1 21/Nov/2026/21/26/58 PUT "
            + "/v1/AUTH_fa7c/zonelake_chain/1%3Fmultipart-manifest%3Dput HTTP/1.0 201 - okhttp/4.12.0 gAAAAABrAgyiLkcD... 917 - "
            + "72132aecdc40c946c950ff8d5470d435 txf1df82566996414890c99-006b020ca2 - 0.0354 - - 1795296418.943406582 1795296418.978816509 0";
    private static final String SLO_SUB_REQUEST = "proxy-keystone: - - 21/Nov/2026/21/27/04 GET "
            + "/v1/AUTH_fa7c/zonelake_chain_segments/1/0d90/000003%3Fmultipart-manifest%3Dget HTTP/1.0 200 - "
            + "okhttp/4.12.0%20%20SLO%20MultipartGET gAAAAABrAgyiLkcD... - 1048576 - txe88a-006b020ca8 - 0.0431 SLO - "
            + "1795296424.848345041 1795296424.891400337 0";

    @TempDir
    Path dir;

    @Test
    void proxyLogLinesOfClientRequestsAreReadWithTheirBytesAndTimes() {
        ProxyLog.Entry segment = ProxyLog.parse(SEGMENT_PUT);
        ProxyLog.Entry manifest = ProxyLog.parse(MANIFEST_PUT);

        assertThat(segment).isEqualTo(new ProxyLog.Entry("PUT", "/v1/AUTH_fa7c/zonelake_chain_segments/1/0d90/000004", 201, 1_048_576,
                0.0642, 1795296418.794115067, 1795296418.858312130));
        assertThat(segment.segment()).isTrue();
        assertThat(segment.manifest()).isFalse();
        assertThat(manifest.manifest()).isTrue();
        assertThat(manifest.segment()).isFalse();
        assertThat(manifest.bytesReceived()).isEqualTo(917);
    }

    @Test
    void proxyLogLeavesOutSwiftsOwnSubRequestsAndOtherMessages() {
        assertThat(ProxyLog.parse(SLO_SUB_REQUEST)).isNull();
        assertThat(ProxyLog.parse("The option \"username\" is not known to keystonemiddleware")).isNull();
    }

    @Test
    void proxyLogAnswersTheRequestsWrittenAfterTheMark() throws Exception {
        Path file = dir.resolve("proxy.log");
        Files.writeString(file, SEGMENT_PUT + "\n");
        ProxyLog log = new ProxyLog(file);
        ProxyLog.Mark mark = log.mark();
        Files.writeString(file, SEGMENT_PUT + "\n" + MANIFEST_PUT + "\n");

        assertThat(log.since(mark, ProxyLog.Entry::manifest)).extracting(ProxyLog.Entry::path)
                .containsExactly("/v1/AUTH_fa7c/zonelake_chain/1%3Fmultipart-manifest%3Dput");
    }

    @Test
    void lakesAreConfiguredLikeTheDistributedItWithTheirTrigger() {
        DistributedLakes lakes = new DistributedLakes(servicesEnvironment());

        Map<String, String> airflow = lakes.airflowTrigger(dir, 1 << 20, 64 << 20, 40_000);
        Map<String, String> local = lakes.localTrigger(dir, 1 << 20, 64 << 20);

        assertThat(airflow).containsEntry("ZONELAKE_HTTP_PORT", "58180").containsEntry("ZONELAKE_PIPELINES_TRIGGER", "airflow")
                .containsEntry("ZONELAKE_METADATA_EMBEDDED_PORT", "40000").containsEntry("ZONELAKE_RAW_BACKEND", "swift")
                .containsEntry("ZONELAKE_RAW_SWIFT_SEGMENT_SIZE", "1048576").containsEntry("ZONELAKE_IDENTITY_BACKEND", "keystone")
                .containsEntry("ZONELAKE_SWIFT_EVENTS_SECRET_FILE", "/secret");
        assertThat(local).containsEntry("ZONELAKE_HTTP_PORT", "58180").containsEntry("ZONELAKE_PIPELINES_TRIGGER", "local")
                .doesNotContainKey("ZONELAKE_AIRFLOW_URL").containsEntry("ZONELAKE_SQL_JDBC_URL", "jdbc:postgresql://127.0.0.1:55432/it");
    }

    @Test
    void jobEnvironmentFileIsWrittenPrivateAndPutBackAfterwards() throws Exception {
        Path file = dir.resolve("pipelines-job.env");
        Files.writeString(file, "BEFORE=1\n");
        Map<String, String> environment = servicesEnvironment();
        environment.put("ZONELAKE_IT_AIRFLOW_JOB_ENV_FILE", file.toString());

        try (AutoCloseable written = new DistributedLakes(environment).writeJobEnvironment(dir, 1 << 20, 40_000)) {
            assertThat(Files.readString(file)).contains("ZONELAKE_METADATA_MONGODB_URL=mongodb://127.0.0.1:40000\n")
                    .contains("ZONELAKE_RAW_BACKEND=swift\n").doesNotContain("ZONELAKE_PIPELINES_TRIGGER");
            assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        }
        assertThat(Files.readString(file)).isEqualTo("BEFORE=1\n");
    }

    @Test
    void missingServerSettingsAreNamedWithHowToGetThem() {
        assertThatThrownBy(() -> new DistributedLakes(Map.of()).localTrigger(dir, 1, 1))
                .hasMessageContaining("ZONELAKE_IT_SWIFT_KEYSTONE_AUTH_URL is not set").hasMessageContaining("./zonelake services env");
    }

    private static Map<String, String> servicesEnvironment() {
        Map<String, String> env = new HashMap<>();
        for (String name : new String[] {"SWIFT_KEYSTONE_AUTH_URL", "SWIFT_KEYSTONE_USER", "SWIFT_KEYSTONE_PASSWORD", "SWIFT_KEYSTONE_PROJECT",
                "POSTGRES_USER", "POSTGRES_PASSWORD", "INFLUXDB_URL", "NEO4J_URL", "NEO4J_USER", "NEO4J_PASSWORD", "KEYSTONE_URL",
                "KEYSTONE_ADMIN_USER", "KEYSTONE_ADMIN_PASSWORD", "KEYSTONE_ADMIN_PROJECT", "AIRFLOW_URL", "AIRFLOW_USER", "AIRFLOW_PASSWORD",
                "AIRFLOW_API_VERSION", "AIRFLOW_JOB_ENV_FILE"}) {
            env.put("ZONELAKE_IT_" + name, "value-of-" + name);
        }
        env.put("ZONELAKE_IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:55432/it");
        env.put("ZONELAKE_IT_SWIFT_WEBHOOK_SECRET_FILE", "/secret");
        return env;
    }
}
