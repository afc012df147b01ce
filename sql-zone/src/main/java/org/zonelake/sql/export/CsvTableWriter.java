package org.zonelake.sql.export;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.zonelake.core.gold.sql.Column;

/**
 * RFC 4180 CSV in UTF-8 with a header row of the column names. Dates and timestamps are ISO-8601
 * ({@code 2024-05-01}, {@code 2024-05-01T10:00:00Z}), decimals plain ({@code 0.00000012}, never {@code 1.2E-7}),
 * booleans {@code true}/{@code false}, a null an empty field.
 */
public final class CsvTableWriter implements TableWriter {
    private final List<Column> columns;
    private final BufferedWriter out;
    private final CSVPrinter printer;

    public CsvTableWriter(OutputStream stream, List<Column> columns) throws IOException {
        requireNonNull(stream, "stream is null");
        this.columns = List.copyOf(columns);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        String[] header = this.columns.stream().map(Column::name).toArray(String[]::new);
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get());
    }

    @Override
    public void accept(List<Object> row) throws IOException {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("Row has " + row.size() + " values, the table " + columns.size() + " columns");
        }
        List<String> fields = new ArrayList<>(row.size());
        for (Object value : row) {
            fields.add(format(value));
        }
        printer.printRecord(fields);
    }

    /** Flushes everything written; the stream stays open. */
    @Override
    public void close() throws IOException {
        printer.flush();
        out.flush();
    }

    static String format(Object value) {
        if (value == null) {
            return null;
        }
        // Instant and LocalDate print ISO-8601 already; BigDecimal.toString() may use an exponent.
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
