package org.zonelake.server;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.ingest.service.Sweeper;
import org.zonelake.ingest.uploads.UploadRecovery;

/**
 * Periodically finishes interrupted work (the object sweeper, the recovery of uploads) and removes expired tokens.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    /** A delete interrupted for longer than this is finished by the sweeper. */
    private static final Duration DELETING_GRACE = Duration.ofMinutes(5);

    private final Sweeper sweeper;
    private final UploadRecovery uploads;
    private final Consumer<Instant> tokenPurge;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "zonelake-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    Housekeeping(Sweeper sweeper, UploadRecovery uploads, Consumer<Instant> tokenPurge, Duration interval, Clock clock) {
        this.sweeper = requireNonNull(sweeper, "sweeper is null");
        this.uploads = requireNonNull(uploads, "uploads is null");
        this.tokenPurge = requireNonNull(tokenPurge, "tokenPurge is null");
        this.interval = requireNonNull(interval, "interval is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * The pass at start-up: this process is the only writer of its data directory, so whatever was pending or
     * receiving before {@code startedAt} belongs to a dead process.
     */
    void runAtStartUp(Instant startedAt) {
        sweeper.sweep(startedAt, DELETING_GRACE);
        uploads.recoverAtStartUp(startedAt);
        tokenPurge.accept(clock.instant());
    }

    void start() {
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runPeriodically, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void runPeriodically() {
        try {
            // While running, a pending document is abandoned only if it has not moved for a long time: a slow
            // single-request upload keeps its document pending for as long as its bytes flow.
            sweeper.sweep(clock.instant().minus(Duration.ofHours(24)), DELETING_GRACE);
            uploads.recover(clock.instant());
            tokenPurge.accept(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping pass failed; next try in {}", interval, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
