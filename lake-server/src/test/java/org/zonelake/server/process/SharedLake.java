package org.zonelake.server.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.server.LakeConfig;
import org.zonelake.server.LakeServer;

/**
 * One all-in-one lake in this JVM for every process-zone test class: starting it (metadata, H2, QuestDB, Neo4j, Spark)
 * takes seconds, so the classes share it, each in projects of its own. It is stopped, and its data directory deleted,
 * when the test run ends. Test methods and {@code @BeforeAll} methods receive a {@link LakeClient} logged in as admin.
 */
final class SharedLake implements ParameterResolver {
    static final String ADMIN_PASSWORD = "process-zone-admin";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LakeClient.class;
    }

    @Override
    public LakeClient resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedLake.class));
        return store.getOrComputeIfAbsent("lake", key -> Running.start(), Running.class).client;
    }

    /** The running lake, closed by JUnit with the root context. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        private final Path data;
        private final LakeServer server;
        private final LakeClient client;

        private Running(Path data, LakeServer server, LakeClient client) {
            this.data = data;
            this.server = server;
            this.client = client;
        }

        static Running start() {
            Path data = createDataDirectory();
            LakeConfig config = LakeConfig.from(ConfigSource.of(Map.of(
                    "ZONELAKE_DATA_DIR", data.toString(),
                    "ZONELAKE_HTTP_PORT", "0",
                    "ZONELAKE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "ZONELAKE_PIPELINE_POLL_INTERVAL", "50ms",
                    "ZONELAKE_SPARK_THREADS", "2")));
            long started = System.nanoTime();
            LakeServer server = LakeServer.start(config, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.out.printf("process-zone tests: lake up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            return new Running(data, server, LakeClient.login(server.port(), "admin", ADMIN_PASSWORD));
        }

        @Override
        public void close() throws IOException {
            server.close();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }

        private static Path createDataDirectory() {
            try {
                return Files.createTempDirectory("zonelake-process-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
