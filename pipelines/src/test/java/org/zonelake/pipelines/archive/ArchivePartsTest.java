package org.zonelake.pipelines.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;

class ArchivePartsTest {
    @Test
    void normalisesEntryNames() throws Exception {
        assertThat(EntryNames.normalise("data/meter.csv")).isEqualTo("data/meter.csv");
        assertThat(EntryNames.normalise("./data//2024/./meter.csv")).isEqualTo("data/2024/meter.csv");
        assertThat(EntryNames.normalise("data\\win\\meter.csv")).isEqualTo("data/win/meter.csv");
    }

    @Test
    void refusesNamesThatCouldPointOutsideTheArchive() {
        assertThatThrownBy(() -> EntryNames.normalise("../evil")).hasMessage("entry '../evil' could escape the archive (a '..' segment)");
        assertThatThrownBy(() -> EntryNames.normalise("a/../../evil")).hasMessageContaining("a '..' segment");
        assertThatThrownBy(() -> EntryNames.normalise("..\\evil")).hasMessageContaining("a '..' segment");
        assertThatThrownBy(() -> EntryNames.normalise("/etc/passwd")).hasMessage("entry '/etc/passwd' is an absolute path");
        assertThatThrownBy(() -> EntryNames.normalise("\\\\server\\share")).hasMessageContaining("is an absolute path");
        assertThatThrownBy(() -> EntryNames.normalise("C:\\Windows\\evil.dll")).hasMessage("entry 'C:\\Windows\\evil.dll' names a drive");
        assertThatThrownBy(() -> EntryNames.normalise("a\0b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> EntryNames.normalise("./")).hasMessage("entry './' has no name");
    }

    @Test
    void writesObjectIdsAsRuns() {
        assertThat(IdRanges.of(List.of(43L, 44L, 45L))).isEqualTo("43..45");
        assertThat(IdRanges.of(List.of(50L, 43L, 44L, 52L, 53L))).isEqualTo("43..44, 50, 52..53");
        assertThat(IdRanges.of(List.of(7L))).isEqualTo("7");
    }

    @Test
    void namesAGzipsEntryAfterTheObject() {
        assertThat(ArchiveFormat.unzippedName("meter.csv.gz")).isEqualTo("meter.csv");
        assertThat(ArchiveFormat.unzippedName("dir/Log.GZIP")).isEqualTo("Log");
        assertThat(ArchiveFormat.unzippedName(".gz")).isEqualTo("content");
    }

    @Test
    void readsArchiveLimitsFromTheEnvironmentWithDefaults() {
        assertThat(ArchiveConfig.from(ConfigSource.of(Map.of()))).isEqualTo(new ArchiveConfig(10_000, 10L << 30, 100, 3));
        assertThat(ArchiveConfig.from(ConfigSource.of(Map.of("ZONELAKE_PIPELINE_ARCHIVE_MAX_ENTRIES", "50",
                "ZONELAKE_PIPELINE_ARCHIVE_MAX_TOTAL_BYTES", "2GiB", "ZONELAKE_PIPELINE_ARCHIVE_MAX_COMPRESSION_RATIO", "20",
                "ZONELAKE_PIPELINE_ARCHIVE_MAX_DEPTH", "1")))).isEqualTo(new ArchiveConfig(50, 2L << 30, 20, 1));
        assertThatThrownBy(() -> new ArchiveConfig(1, 0, 1, 1)).hasMessageContaining("ZONELAKE_PIPELINE_ARCHIVE_MAX_TOTAL_BYTES must be positive");
        assertThat(Meter.size(10L << 30)).isEqualTo("10 GiB");
        assertThat(Meter.size(5120)).isEqualTo("5 KiB");
        assertThat(Meter.size(1000)).isEqualTo("1,000 bytes");
    }
}
