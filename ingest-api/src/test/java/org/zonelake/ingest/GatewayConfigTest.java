package org.zonelake.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;

class GatewayConfigTest {
    @Test
    void defaultsBindLoopbackOnPort8080WithoutStaticFiles() {
        GatewayConfig config = GatewayConfig.from(ConfigSource.of(Map.of()));

        assertThat(config).isEqualTo(GatewayConfig.defaults());
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.staticFilesDirectory()).isEmpty();
    }

    @Test
    void environmentOverridesTheDefaults() {
        GatewayConfig config = GatewayConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_HTTP_HOST", "0.0.0.0",
                "ZONELAKE_HTTP_PORT", "9090",
                "ZONELAKE_HTTP_STATIC_FILES_DIRECTORY", "/srv/gui")));

        assertThat(config).isEqualTo(new GatewayConfig("0.0.0.0", 9090, Optional.of(Path.of("/srv/gui"))));
    }

    @Test
    void invalidPortsAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> GatewayConfig.from(ConfigSource.of(Map.of("ZONELAKE_HTTP_PORT", "70000"))))
                .hasMessageContaining("ZONELAKE_HTTP_PORT");
        assertThatThrownBy(() -> GatewayConfig.from(ConfigSource.of(Map.of("ZONELAKE_HTTP_PORT", "eighty"))))
                .hasMessageContaining("ZONELAKE_HTTP_PORT");
    }
}
