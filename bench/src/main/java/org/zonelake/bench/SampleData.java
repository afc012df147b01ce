package org.zonelake.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The objects the process benchmark uploads: small sensor JSON files in the reference system's format, small CSV
 * files, and one large CSV streamed to disk. Object {@code k} has its own times and values, so no two objects write
 * the same points or rows.
 */
final class SampleData {
    /** Readings per sensor file and rows per small CSV file. */
    static final int SMALL_RECORDS = 20;
    /** The sensor topic of every JSON file; the lake makes it the measurement {@link #MEASUREMENT}. */
    static final String TOPIC = "bench/latency";
    static final String MEASUREMENT = "bench_latency";
    /** Object k's readings lie in the hour starting here plus k hours. */
    static final Instant SENSOR_EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private SampleData() {
    }

    /** The hour of time that sensor file {@code k}'s readings fall into. */
    static Instant sensorHour(int k) {
        return SENSOR_EPOCH.plus(Duration.ofHours(k));
    }

    /** {@code [{"topic","subID","unitID","input","value_units","value","time"}]}, one reading a minute. */
    static byte[] sensorJson(int k) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < SMALL_RECORDS; i++) {
            json.append(i == 0 ? "\n" : ",\n")
                    .append("{\"topic\":\"").append(TOPIC).append("\",\"subID\":\"sub-").append(k % 4)
                    .append("\",\"unitID\":\"unit-").append(i % 5).append("\",\"input\":\"temperature\",\"value_units\":\"C\"")
                    .append(",\"value\":").append(k).append(i < 10 ? ".0" : ".").append(i)
                    .append(",\"time\":\"").append(sensorHour(k).plus(Duration.ofMinutes(i))).append("\"}");
        }
        return json.append("\n]\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A header and {@link #SMALL_RECORDS} rows of a date, a decimal, an integer and text. */
    static byte[] smallCsv(int k) {
        StringBuilder csv = new StringBuilder("day,price,quantity,product\n");
        LocalDate first = LocalDate.of(2024, 1, 1).plusDays(k);
        for (int i = 0; i < SMALL_RECORDS; i++) {
            csv.append(first.plusDays(i)).append(',')
                    .append(10 + k).append('.').append(10 + i).append(',')
                    .append(100 * k + i + 1).append(',')
                    .append("product ").append(k).append('-').append(i).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code rows} rows of {@code id,recorded_at,amount,quantity,label} (an integer, an ISO-8601 UTC timestamp, a
     * decimal with two places, an integer, text) to {@code file}, streaming; answers the file's size.
     */
    static long writeLargeCsv(Path file, long rows) throws IOException {
        long start = SENSOR_EPOCH.getEpochSecond();
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            out.write("id,recorded_at,amount,quantity,label\n");
            for (long id = 1; id <= rows; id++) {
                long cents = (id * 7919) % 1_000_000;
                out.write(Long.toString(id));
                out.write(',');
                out.write(Instant.ofEpochSecond(start + id).toString());
                out.write(',');
                out.write(Long.toString(cents / 100));
                out.write(cents % 100 < 10 ? ".0" : ".");
                out.write(Long.toString(cents % 100));
                out.write(',');
                out.write(Long.toString(id % 1000 + 1));
                out.write(",item ");
                out.write(Long.toString(id * 31 % 100_003, 36));
                out.write('\n');
            }
        }
        return Files.size(file);
    }
}
