package org.zonelake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessBenchmarkPartsTest {

    @Test
    void percentilesFollowTheNearestRank() {
        Percentiles hundred = Percentiles.of(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) (101 - i)).toList());

        assertThat(hundred.p50()).isEqualTo(50);
        assertThat(hundred.p95()).isEqualTo(95);
        assertThat(hundred.max()).isEqualTo(100);
        assertThat(Percentiles.of(List.of(7.0)).p95()).isEqualTo(7);
    }

    @Test
    void sensorFilesAreJsonArraysOfReadingsInTheirOwnHour() throws Exception {
        var readings = new ObjectMapper().readTree(SampleData.sensorJson(7));

        assertThat(readings).hasSize(SampleData.SMALL_RECORDS);
        assertThat(readings.get(0).path("time").asText()).isEqualTo("2024-01-01T07:00:00Z");
        assertThat(readings.get(19).path("time").asText()).isEqualTo("2024-01-01T07:19:00Z");
        assertThat(readings.get(19).path("value").asDouble()).isEqualTo(7.19);
        assertThat(readings.get(0).fieldNames()).toIterable()
                .containsExactly("topic", "subID", "unitID", "input", "value_units", "value", "time");
    }

    @Test
    void smallCsvFilesHaveAHeaderAndTwentyRows() {
        String[] lines = new String(SampleData.smallCsv(3)).split("\n");

        assertThat(lines).hasSize(SampleData.SMALL_RECORDS + 1);
        assertThat(lines[0]).isEqualTo("day,price,quantity,product");
        assertThat(lines[1]).isEqualTo("2024-01-04,13.10,301,product 3-0");
    }

    @Test
    void largeCsvIsWrittenRowByRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bulk.csv");

        long size = SampleData.writeLargeCsv(file, 1000);

        List<String> lines = Files.readAllLines(file);
        assertThat(size).isEqualTo(Files.size(file));
        assertThat(lines).hasSize(1001);
        assertThat(lines.get(1)).isEqualTo("1,2024-01-01T00:00:01Z,79.19,2,item v");
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",")).hasSize(5));
    }

    @Test
    void countsOnlyTheObjectsPointsInAnExport() {
        String export = "time,subID,unitID,value,zl_object_id,zl_run_id\n"
                + "2024-01-01T00:00:00Z,sub-0,unit-0,1.0,12,12-timeseries-json\n"
                + "2024-01-01T00:01:00Z,sub-0,unit-1,2.0,112,112-timeseries-json\n"
                + "2024-01-01T00:02:00Z,sub-0,unit-2,3.0,12,12-timeseries-json\n";

        assertThat(QueryableLatency.pointsOf(export, 12)).isEqualTo(2);
        assertThat(QueryableLatency.pointsOf("", 12)).isZero();
    }

    @Test
    void namesTheTableTheLakeGivesASmallCsv() {
        assertThat(QueryableLatency.tableName(7, 42)).isEqualTo("lat_00007_csv_42");
    }
}
