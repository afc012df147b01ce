package org.zonelake.ingest.processed;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** Formats of the exports, by their {@code format} query parameter. */
enum ExportFormat {
    CSV("text/csv; charset=utf-8", ".csv"),
    PARQUET("application/vnd.apache.parquet", ".parquet");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String fileName(String base) {
        return base + extension;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code value} (default csv) as one of {@code offered}; {@code unsupported_format} otherwise. */
    static ExportFormat parse(String value, List<ExportFormat> offered) {
        if (value == null) {
            return CSV;
        }
        return offered.stream().filter(format -> format.wireName().equals(value.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new LakeException(ErrorCode.UNSUPPORTED_FORMAT, String.format("Cannot export as '%s': the formats here are %s",
                        value, offered.stream().map(ExportFormat::wireName).toList()), Map.of("parameter", "format"), null));
    }

    static List<ExportFormat> all() {
        return Arrays.asList(values());
    }
}
