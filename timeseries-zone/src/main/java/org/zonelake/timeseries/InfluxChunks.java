package org.zonelake.timeseries;

import static org.zonelake.core.error.ErrorCode.GOLD_ZONE_UNAVAILABLE;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.zonelake.core.error.LakeException;

/**
 * A chunked InfluxDB query read on the caller's thread. influxdb-java hands chunks to callbacks on its HTTP thread;
 * this passes them through a queue of two, so the HTTP thread waits while the caller works (memory stays at two
 * chunks), and the caller's sink, exceptions and logging context stay on the caller's thread.
 */
final class InfluxChunks {
    private static final Object END = new Object();

    private record Failure(Throwable cause) {}

    private InfluxChunks() {}

    /** Runs {@code query} in chunks of {@code chunkSize} rows, giving each chunk to {@code consumer} in order. */
    static void forEach(InfluxDB influx, Query query, int chunkSize, Duration chunkTimeout, Consumer<QueryResult> consumer) {
        BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(2);
        AtomicBoolean abandoned = new AtomicBoolean();
        AtomicReference<InfluxDB.Cancellable> call = new AtomicReference<>();
        influx.query(query, chunkSize, (cancellable, result) -> {
            call.set(cancellable);
            hand(chunks, abandoned, result);
        }, () -> hand(chunks, abandoned, END), error -> hand(chunks, abandoned, new Failure(error)));
        try {
            while (true) {
                Object next = take(chunks, chunkTimeout, query);
                if (next == END) {
                    return;
                }
                if (next instanceof Failure failure) {
                    throw InfluxErrors.translate(failure.cause(), "Cannot run " + query.getCommand());
                }
                QueryResult result = (QueryResult) next;
                // The JSON chunk reader ends the stream with a result whose error is DONE; the END marker follows.
                if (!"DONE".equals(result.getError())) {
                    consumer.accept(InfluxErrors.checked(result, query.getCommand()));
                }
            }
        } finally {
            // Normal end or not: stop the HTTP thread from waiting on the queue, and the server from sending more.
            abandoned.set(true);
            InfluxDB.Cancellable cancellable = call.get();
            if (cancellable != null && !cancellable.isCanceled()) {
                cancellable.cancel();
            }
            chunks.clear();
        }
    }

    private static void hand(BlockingQueue<Object> chunks, AtomicBoolean abandoned, Object item) {
        try {
            while (!abandoned.get()) {
                if (chunks.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Object take(BlockingQueue<Object> chunks, Duration timeout, Query query) {
        try {
            Object next = chunks.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw LakeException.of(GOLD_ZONE_UNAVAILABLE, "InfluxDB sent nothing for %s while running %s", timeout, query.getCommand());
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(GOLD_ZONE_UNAVAILABLE, "Interrupted while reading " + query.getCommand(), e);
        }
    }
}
