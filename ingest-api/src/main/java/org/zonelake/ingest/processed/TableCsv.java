package org.zonelake.ingest.processed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.sql.export.TableWriter;

/**
 * A gold table as CSV (RFC 4180, UTF-8): a header row of the column names, then one row per table row as the store
 * streams them. Nulls are empty cells, timestamps ISO-8601 in UTC, dates ISO-8601, decimals without exponent.
 */
final class TableCsv implements TableWriter {
    private static final int BUFFER_CHARS = 64 * 1024;

    private final CSVPrinter printer;
    private final List<Object> cells = new ArrayList<>();

    private TableCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Writes the header row and returns the sink for the rows; call {@link #close()} after the last one. */
    static TableCsv start(List<Column> columns, OutputStream out) throws IOException {
        CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS),
                CSVFormat.RFC4180);
        printer.printRecord(columns.stream().map(Column::name).toList());
        return new TableCsv(printer);
    }

    @Override
    public void accept(List<Object> row) throws IOException {
        cells.clear();
        row.forEach(value -> cells.add(cell(value)));
        printer.printRecord(cells);
    }

    static Object cell(Object value) {
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value;
    }

    /** Flushes what is buffered; the response stream stays open for the gateway to finish. */
    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
