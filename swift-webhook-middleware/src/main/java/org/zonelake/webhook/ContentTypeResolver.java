package org.zonelake.webhook;

import java.util.Locale;
import java.util.Map;
import org.zonelake.core.raw.ObjectKey;

/**
 * The content type recorded for an object adopted from Swift, which routes it to a pipeline. The gateway can pass
 * its own detector (reading the first bytes of {@code stored}), so that adopted objects are typed like uploads.
 */
@FunctionalInterface
public interface ContentTypeResolver {
    String OCTET_STREAM = "application/octet-stream";

    /**
     * The type of the adopted object now stored under {@code stored}; {@code name} is its Swift name and
     * {@code declared} the type its writer declared (empty if none).
     */
    String contentType(ObjectKey stored, String name, String declared);

    /** The declared type without parameters when it says something, else a guess from the name's extension. */
    static ContentTypeResolver declaredOrByName() {
        return (stored, name, declared) -> {
            String base = declared == null ? "" : declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!base.isEmpty() && !base.equals(OCTET_STREAM) && !base.equals("binary/octet-stream") && base.contains("/")) {
                return base;
            }
            return ByName.guess(name);
        };
    }

    /** The extensions the lake's pipelines route (see {@code DefaultRoutes}), and a few common others. */
    final class ByName {
        private static final Map<String, String> TYPES = Map.ofEntries(
                Map.entry("json", "application/json"), Map.entry("ndjson", "application/x-ndjson"), Map.entry("jsonl", "application/x-ndjson"),
                Map.entry("csv", "text/csv"), Map.entry("tsv", "text/tab-separated-values"), Map.entry("parquet", "application/vnd.apache.parquet"),
                Map.entry("sql", "application/sql"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
                Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("tif", "image/tiff"), Map.entry("tiff", "image/tiff"),
                Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"), Map.entry("tgz", "application/gzip"),
                Map.entry("tar", "application/x-tar"), Map.entry("txt", "text/plain"), Map.entry("xml", "application/xml"),
                Map.entry("pdf", "application/pdf"));

        private ByName() {}

        static String guess(String name) {
            String base = name.substring(name.lastIndexOf('/') + 1);
            int dot = base.lastIndexOf('.');
            return dot < 0 ? OCTET_STREAM : TYPES.getOrDefault(base.substring(dot + 1).toLowerCase(Locale.ROOT), OCTET_STREAM);
        }
    }
}
