package org.zonelake.sql.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zonelake.sql.GoldRows.COLUMNS;
import static org.zonelake.sql.GoldRows.row;
import static org.zonelake.sql.GoldRows.values;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTableWriterTest {
    @Test
    void writesAHeaderAndTheValuesInIsoAndPlainNotation() throws IOException {
        List<Object> edges = values(-7L, new BigDecimal("0.00000012"), 1.0E10, true, LocalDate.of(1, 1, 1),
                Instant.parse("1969-12-31T23:59:59.999999Z"), "a, \"quoted\"\nline – ü");

        List<CSVRecord> records = parse(write(List.of(row(1), edges, values(new Object[COLUMNS.size()]))));

        assertThat(records.get(0).toList()).containsExactly("id", "amount", "ratio", "active", "day", "seen_at", "note");
        assertThat(records.get(1).toList()).containsExactly("1", "1.25", "0.25", "false", "2024-01-02", "2024-05-01T10:00:01.123456Z", "note 1 – ü");
        assertThat(records.get(2).toList()).containsExactly("-7", "0.00000012", "1.0E10", "true", "0001-01-01", "1969-12-31T23:59:59.999999Z",
                "a, \"quoted\"\nline – ü");
        assertThat(records.get(3).toList()).containsExactly("", "", "", "", "", "", "");
        assertThat(records).hasSize(4);
    }

    @Test
    void parsesBackIntoTheSameValues() throws IOException {
        List<CSVRecord> records = parse(write(List.of(row(3))));

        CSVRecord record = records.get(1);
        assertThat(Long.parseLong(record.get(0))).isEqualTo(row(3).get(0));
        assertThat(new BigDecimal(record.get(1))).isEqualTo(row(3).get(1));
        assertThat(Double.parseDouble(record.get(2))).isEqualTo(row(3).get(2));
        assertThat(Boolean.parseBoolean(record.get(3))).isEqualTo(row(3).get(3));
        assertThat(LocalDate.parse(record.get(4))).isEqualTo(row(3).get(4));
        assertThat(Instant.parse(record.get(5))).isEqualTo(row(3).get(5));
        assertThat(record.get(6)).isEqualTo(row(3).get(6));
    }

    @Test
    void leavesTheStreamOpen() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTableWriter writer = new CsvTableWriter(out, COLUMNS)) {
            writer.accept(row(1));
        }
        out.write("trailer".getBytes(StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("id,amount,").endsWith("\r\ntrailer");
    }

    private static String write(List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTableWriter writer = new CsvTableWriter(out, COLUMNS)) {
            for (List<Object> row : rows) {
                writer.accept(row);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }
}
