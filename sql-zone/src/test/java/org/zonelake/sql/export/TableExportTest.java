package org.zonelake.sql.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zonelake.sql.GoldRows.SALES;
import static org.zonelake.sql.GoldRows.rows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.WriteMode;
import org.zonelake.sql.SqlZone;
import org.zonelake.sql.SqlZoneConfig;

/** A gold table streamed from the store into each export format, as the gateway does it. */
class TableExportTest {
    @TempDir
    Path directory;

    private SqlZone zone;
    private List<Column> columns;
    private List<List<Object>> stored;

    @BeforeEach
    void writeTable() {
        zone = SqlZone.open(SqlZoneConfig.defaults(), directory.resolve("data"));
        zone.store().writeTable(new Provenance("alpha", 3, "run-1"), SALES, WriteMode.OWN_TABLE, rows(1, 2_500));
        columns = zone.store().table("alpha", "sales").orElseThrow().columns();
        stored = new ArrayList<>();
        zone.store().export("alpha", "sales", stored::add);
    }

    @AfterEach
    void closeZone() {
        zone.close();
    }

    @Test
    void exportsATableAsParquetWithProvenanceColumns() throws IOException {
        Path file = directory.resolve("sales.parquet");
        try (OutputStream out = Files.newOutputStream(file); ParquetTableWriter writer = new ParquetTableWriter(out, columns)) {
            zone.store().export("alpha", "sales", writer);
        }

        assertThat(ParquetFiles.rows(file, columns)).hasSize(2_500).isEqualTo(stored);
        assertThat(ParquetFiles.schema(file).getFieldName(9)).isEqualTo("zl_row");
    }

    @Test
    void exportsATableAsCsvWithProvenanceColumns() throws IOException {
        Path file = directory.resolve("sales.csv");
        try (OutputStream out = Files.newOutputStream(file); CsvTableWriter writer = new CsvTableWriter(out, columns)) {
            zone.store().export("alpha", "sales", writer);
        }

        try (CSVParser parser = CSVParser.parse(file, java.nio.charset.StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().get())) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(columns.stream().map(Column::name).toList());
            assertThat(records).hasSize(2_500);
            assertThat(records.get(41).toList()).containsExactlyElementsOf(stored.get(41).stream().map(CsvTableWriter::format).map(v -> v == null ? "" : v).toList());
            assertThat(records.get(41).get("zl_row")).isEqualTo("42");
            assertThat(records.get(41).get("zl_object_id")).isEqualTo("3");
        }
    }
}
