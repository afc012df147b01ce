package org.zonelake.ingest.processed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.zonelake.core.gold.RecordSink;
import org.zonelake.core.gold.timeseries.Measurement;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;

/**
 * A measurement's points as CSV (RFC 4180, UTF-8), one row per point as the store streams them: {@code time}
 * (ISO-8601, UTC), the tag keys, the field keys, then the provenance {@code zl_object_id} and {@code zl_run_id}.
 * A tag or field a point lacks is an empty cell.
 */
final class PointsCsv implements RecordSink<Point> {
    private static final int BUFFER_CHARS = 64 * 1024;

    private final Measurement measurement;
    private final CSVPrinter printer;
    private final List<Object> row = new ArrayList<>();

    private PointsCsv(Measurement measurement, CSVPrinter printer) {
        this.measurement = measurement;
        this.printer = printer;
    }

    /** Writes the header row and returns the sink for the points; call {@link #finish()} after the last one. */
    static PointsCsv start(Measurement measurement, OutputStream out) throws IOException {
        CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS),
                CSVFormat.RFC4180);
        List<String> header = new ArrayList<>();
        header.add("time");
        header.addAll(measurement.tagKeys());
        header.addAll(measurement.fieldKeys());
        header.add(TimeSeriesStore.OBJECT_TAG);
        header.add(TimeSeriesStore.RUN_FIELD);
        printer.printRecord(header);
        return new PointsCsv(measurement, printer);
    }

    @Override
    public void accept(Point point) throws IOException {
        row.clear();
        row.add(DateTimeFormatter.ISO_INSTANT.format(point.time()));
        measurement.tagKeys().forEach(key -> row.add(point.tags().get(key)));
        measurement.fieldKeys().forEach(key -> row.add(point.fields().get(key)));
        row.add(point.tags().get(TimeSeriesStore.OBJECT_TAG));
        row.add(point.fields().get(TimeSeriesStore.RUN_FIELD));
        printer.printRecord(row);
    }

    /** Flushes what is buffered; the response stream stays open for the gateway to finish. */
    void finish() throws IOException {
        printer.flush();
    }
}
