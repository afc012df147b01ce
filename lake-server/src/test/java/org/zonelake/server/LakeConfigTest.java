package org.zonelake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.error.LakeException;

class LakeConfigTest {
    @Test
    void defaultsRunTheAllInOneLakeOnLoopbackPort8080WithDataUnderDotData() {
        LakeConfig config = LakeConfig.from(ConfigSource.of(Map.of()));

        assertThat(config.gateway().host()).isEqualTo("127.0.0.1");
        assertThat(config.gateway().port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.metadata().embedded()).isTrue();
        assertThat(config.metadata().database()).isEqualTo("zonelake");
        assertThat(config.identity().adminPassword()).isEmpty();
        assertThat(config.rawZoneDir()).isEqualTo(config.dataDir().resolve("raw"));
    }

    @Test
    void environmentWinsOverThePropertiesFileWhichWinsOverDefaults(@TempDir Path dir) throws Exception {
        Properties file = new Properties();
        file.setProperty("zonelake.http.port", "7000");
        file.setProperty("zonelake.metadata.database", "from-file");
        LakeConfig config = LakeConfig.from(new ConfigSource(Map.of(
                "ZONELAKE_HTTP_PORT", "9090",
                "ZONELAKE_DATA_DIR", dir.toString(),
                "ZONELAKE_ADMIN_PASSWORD", "s3cret-password"), file));

        assertThat(config.gateway().port()).isEqualTo(9090);
        assertThat(config.metadata().database()).isEqualTo("from-file");
        assertThat(config.dataDir()).isEqualTo(dir);
        assertThat(config.identity().adminPassword()).hasValue("s3cret-password");
        assertThat(config.toString()).doesNotContain("s3cret-password");
    }

    @Test
    void readsThePropertiesFileNamedByZonelakeConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lake.properties");
        Files.writeString(file, "zonelake.limits.max-object-bytes=5MiB\n");
        Properties properties = ConfigSource.loadProperties(file);

        LakeConfig config = LakeConfig.from(new ConfigSource(Map.of(), properties));

        assertThat(config.limits().maxObjectBytes()).isEqualTo(5L << 20);
    }

    @Test
    void rejectsAValueThatIsNotANumberNamingTheVariable() {
        assertThatThrownBy(() -> LakeConfig.from(ConfigSource.of(Map.of("ZONELAKE_HTTP_PORT", "eighty"))))
                .isInstanceOf(LakeException.class)
                .hasMessageContaining("ZONELAKE_HTTP_PORT")
                .hasMessageContaining("eighty");
    }
}
