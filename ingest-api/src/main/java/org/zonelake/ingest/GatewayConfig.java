package org.zonelake.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import org.zonelake.core.config.ConfigSource;

/**
 * Settings of the HTTP gateway.
 *
 * @param host address to bind ({@code http.host}); 127.0.0.1 by default, so that {@code /metrics}, which needs no
 *     token, is not reachable from other machines unless an operator chooses so
 * @param port TCP port ({@code http.port}); 0 picks a free port
 * @param staticFilesDirectory directory of the web GUI's built assets served under {@code /}
 *     ({@code http.static-files-directory}); none by default
 */
public record GatewayConfig(String host, int port, Optional<Path> staticFilesDirectory) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public GatewayConfig {
        requireNonNull(host, "host is null");
        requireNonNull(staticFilesDirectory, "staticFilesDirectory is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException(ConfigSource.environmentName("http.host") + " must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(ConfigSource.environmentName("http.port") + " must be between 0 and 65535, was " + port);
        }
    }

    public static GatewayConfig defaults() {
        return new GatewayConfig(DEFAULT_HOST, DEFAULT_PORT, Optional.empty());
    }

    /** Loopback on a free port: what tests use. */
    public static GatewayConfig loopbackEphemeral() {
        return new GatewayConfig(DEFAULT_HOST, 0, Optional.empty());
    }

    public static GatewayConfig from(ConfigSource source) {
        return new GatewayConfig(
                source.string("http.host", DEFAULT_HOST),
                source.integer("http.port", DEFAULT_PORT),
                source.get("http.static-files-directory").map(Path::of));
    }
}
