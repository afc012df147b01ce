package org.zonelake.bench;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * Uploads one small object and times it from the start of the upload request until the API answers its data:
 * <ul>
 *   <li>CSV: {@code GET tables/{table}} answers the object's own table with all its rows counted (the table is
 *       published whole, so from then on {@code rows} and {@code export} answer every row);</li>
 *   <li>sensor JSON: {@code GET timeseries/{measurement}/export?format=csv}, over the hour of the object's readings,
 *       answers every one of its points tagged with its object id.</li>
 * </ul>
 * The API is polled every {@code interval}; after the data is seen, the run is awaited (untimed) so that its step
 * times can be reported and the next object starts on an idle pipeline.
 */
final class QueryableLatency {
    /** What kind of small object is uploaded. */
    enum Kind { JSON, CSV }

    /** One timed object; instants are this machine's clock, as the run's are. */
    record Sample(Kind kind, long objectId, Instant uploadStarted, double uploadMillis, double queryableMillis, RunRecord run) {
        Instant uploadAnswered() {
            return uploadStarted.plusNanos((long) (uploadMillis * 1e6));
        }

        Instant seenQueryable() {
            return uploadStarted.plusNanos((long) (queryableMillis * 1e6));
        }
    }

    /** Polls between failure checks: a failed run would otherwise show only as a timeout. */
    private static final int POLLS_PER_RUN_CHECK = 50;

    private final LakeClient client;
    private final Duration interval;
    private final Duration timeout;

    QueryableLatency(LakeClient client, Duration interval, Duration timeout) {
        this.client = requireNonNull(client, "client is null");
        this.interval = requireNonNull(interval, "interval is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** Uploads object {@code k} of the kind and times it. */
    Sample measure(Kind kind, int k) throws InterruptedException {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        long id = kind == Kind.CSV
                ? client.upload(String.format("lat_%05d.csv", k), "text/csv", SampleData.smallCsv(k))
                : client.upload(String.format("lat_%05d.json", k), "application/json", SampleData.sensorJson(k));
        double uploadMillis = (System.nanoTime() - start) / 1e6;
        awaitQueryable(kind, k, id);
        double queryableMillis = (System.nanoTime() - start) / 1e6;
        RunRecord run = RunRecord.awaitEnd(client, id, interval, timeout);
        return new Sample(kind, id, startedAt, uploadMillis, queryableMillis, run);
    }

    private void awaitQueryable(Kind kind, int k, long id) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int poll = 1; !queryable(kind, k, id); poll++) {
            if (poll % POLLS_PER_RUN_CHECK == 0) {
                RunRecord run = RunRecord.latest(client, id);
                LakeClient.require(run == null || !run.ended() || run.succeeded(),
                        "run of object " + id + " ended " + (run == null ? "" : run.state() + ": " + run.reason()));
            }
            LakeClient.require(System.nanoTime() < deadline, kind + " object " + id + " was not queryable within " + timeout);
            Thread.sleep(interval.toMillis());
        }
    }

    private boolean queryable(Kind kind, int k, long id) {
        return kind == Kind.CSV ? tableComplete(k, id) : pointsExported(k, id);
    }

    private boolean tableComplete(int k, long id) {
        LakeClient.Answer answer = client.get("tables/" + tableName(k, id));
        return answer.status() == 200 && answer.json().path("row_count").asLong() == SampleData.SMALL_RECORDS;
    }

    /** The lake names an object's own table after its file name and id: {@code lat_00007.csv}, 42 → {@code lat_00007_csv_42}. */
    static String tableName(int k, long id) {
        return String.format("lat_%05d_csv_%d", k, id);
    }

    private boolean pointsExported(int k, long id) {
        Instant from = SampleData.sensorHour(k);
        LakeClient.Answer answer = client.get("timeseries/" + SampleData.MEASUREMENT + "/export?format=csv&from="
                + LakeClient.encode(from.toString()) + "&to=" + LakeClient.encode(from.plus(Duration.ofHours(1)).toString()));
        return answer.status() == 200 && pointsOf(answer.body(), id) == SampleData.SMALL_RECORDS;
    }

    /** Counts the export's lines whose {@code zl_object_id} is {@code id} (the benchmark's values hold no commas). */
    static long pointsOf(String csv, long id) {
        String[] lines = csv.split("\r?\n");
        if (lines[0].isBlank()) {
            return 0;
        }
        int column = java.util.Arrays.asList(lines[0].split(",")).indexOf("zl_object_id");
        LakeClient.require(column >= 0, "the export has no zl_object_id column: " + lines[0]);
        String wanted = Long.toString(id);
        long count = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            if (cells.length > column && cells[column].equals(wanted)) {
                count++;
            }
        }
        return count;
    }
}
