package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-in-one metadata zone: an in-process server speaking the MongoDB wire protocol, persisted in an
 * H2 MVStore file, bound to 127.0.0.1. The lake reaches it through the official driver like any MongoDB.
 * It has no transactions and no {@code $text} index (the repositories use neither), and it accepts but ignores
 * non-unique indexes, so queries scan their collection. Each single-document write is atomic, as on a real
 * MongoDB (see {@link LockingH2Backend}). A file-backed server commits its file about once a second, and at
 * once when {@link #commit()} is called.
 */
public final class EmbeddedMongoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private static final long COMMIT_INTERVAL_MILLIS = 1_000;

    private final LockingH2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final ScheduledExecutorService committer;
    private final GroupCommit barrier;

    private EmbeddedMongoServer(LockingH2Backend backend, int port, boolean periodicCommits) {
        this.backend = requireNonNull(backend, "backend is null");
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
        this.committer = periodicCommits ? startCommitter() : null;
        this.barrier = new GroupCommit(backend::commit);
    }

    private ScheduledExecutorService startCommitter() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "metadata-commit");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::commitQuietly, COMMIT_INTERVAL_MILLIS, COMMIT_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return executor;
    }

    private void commitQuietly() {
        try {
            backend.commit();
        } catch (RuntimeException e) {
            LOG.error("Cannot commit the metadata file; retrying in {} ms", COMMIT_INTERVAL_MILLIS, e);
        }
    }

    /** Lets a running commit finish: interrupting it would close the file channel under the store. */
    private void stopCommitter() {
        committer.shutdown();
        try {
            if (!committer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The metadata commit did not finish within 30 s; committing again while closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a server whose data lives in {@code directory/metadata.mv.db}; port 0 picks a free port. */
    public static EmbeddedMongoServer start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create metadata directory " + directory, e);
        }
        Path file = directory.resolve("metadata.mv.db");
        EmbeddedMongoServer server = new EmbeddedMongoServer(LockingH2Backend.onFile(file.toString()), port, true);
        LOG.info("Embedded metadata server listening on {} with data in {}", server.connectionString(), file);
        return server;
    }

    /** A server that keeps everything in memory (tests). */
    public static EmbeddedMongoServer startInMemory() {
        return new EmbeddedMongoServer(LockingH2Backend.inMemoryStore(), 0, false);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /**
     * Writes everything acknowledged so far to the data file (the MVStore otherwise commits about once a second).
     * Concurrent callers share commits ({@link GroupCommit}).
     */
    public void commit() {
        barrier.await();
    }

    /** Whether some acknowledged write is not in the data file yet. */
    boolean hasUncommittedWrites() {
        return backend.getMvStore().hasUnsavedChanges();
    }

    @Override
    public void close() {
        if (committer != null) {
            stopCommitter();
            backend.commit();
        }
        server.shutdownNow();
    }
}
