package org.zonelake.timeseries;

import static java.util.Objects.requireNonNull;

import io.questdb.ServerMain;
import io.questdb.log.LogFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QuestDB running inside the lake's JVM on a data directory: only its HTTP server listens, on 127.0.0.1 and a free
 * port (InfluxDB line protocol at {@code /write}, SQL at {@code /exec}); PostgreSQL wire, ILP over TCP and UDP, the
 * health server and telemetry are off, and so is creating tables from line protocol (the store creates them with
 * deduplication first).
 */
public final class EmbeddedQuestDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedQuestDb.class);

    private final Path directory;
    private final ServerMain server;
    private final URI httpUri;

    private EmbeddedQuestDb(Path directory, ServerMain server) {
        this.directory = directory;
        this.server = server;
        this.httpUri = URI.create("http://127.0.0.1:" + server.getHttpServerPort());
    }

    /** Starts QuestDB on {@code directory} (created if missing; its data survives a restart). */
    public static EmbeddedQuestDb start(Path directory) {
        requireNonNull(directory, "directory is null");
        long started = System.nanoTime();
        try {
            Files.createDirectories(directory.resolve("conf"));
            writeLogConfig(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the QuestDB directory " + directory, e);
        }
        // QuestDB's logging is configured once per JVM, from <root>/conf/log.conf of the first engine started.
        LogFactory.configureRootDir(directory.toString());
        ServerMain server = ServerMain.create(directory.toString(), settings());
        try {
            server.start();
            server.awaitStartup();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        EmbeddedQuestDb questDb = new EmbeddedQuestDb(directory, server);
        LOG.info("Embedded QuestDB ready at {} on {} after {} ms", questDb.httpUri, directory, (System.nanoTime() - started) / 1_000_000);
        return questDb;
    }

    private static Map<String, String> settings() {
        return Map.ofEntries(
                // Port 0: the kernel picks a free port, read back from the server, so two lakes never race for one.
                Map.entry("QDB_HTTP_BIND_TO", "127.0.0.1:0"),
                Map.entry("QDB_HTTP_MIN_ENABLED", "false"),
                Map.entry("QDB_PG_ENABLED", "false"),
                Map.entry("QDB_LINE_TCP_ENABLED", "false"),
                Map.entry("QDB_LINE_UDP_ENABLED", "false"),
                Map.entry("QDB_TELEMETRY_ENABLED", "false"),
                // The shipped server.conf aborts reads after 1m; an export streams at the pace of the client it serves.
                Map.entry("QDB_QUERY_TIMEOUT", "1h"),
                Map.entry("QDB_LINE_AUTO_CREATE_NEW_TABLES", "false"),
                // The store adds columns itself (tags join the deduplication keys) before writing to them, but QuestDB
                // 9.3 caches a table's columns per line-protocol connection context: with column creation off, the first
                // write after an ALTER fails on the stale cache; with it on, QuestDB looks the column up and finds it.
                Map.entry("QDB_LINE_AUTO_CREATE_NEW_COLUMNS", "true"));
    }

    /** QuestDB logs through its own framework: errors and advisories go to a daily file in the data directory, not to stdout. */
    private static void writeLogConfig(Path directory) throws IOException {
        Path logs = Files.createDirectories(directory.resolve("log"));
        String config = String.join("\n",
                "writers=file",
                "w.file.class=io.questdb.log.LogRollingFileWriter",
                "w.file.location=" + logs.resolve("questdb.log.${date:yyyyMMdd}"),
                "w.file.level=ERROR,CRITICAL,ADVISORY",
                "w.file.rollEvery=day",
                "w.file.lifeDuration=7d",
                "");
        Files.writeString(directory.resolve("conf").resolve("log.conf"), config, StandardCharsets.UTF_8);
    }

    /** Base URI of the HTTP server, e.g. {@code http://127.0.0.1:40123}. */
    public URI httpUri() {
        return httpUri;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        server.close();
        LOG.info("Embedded QuestDB on {} stopped", directory);
    }
}
