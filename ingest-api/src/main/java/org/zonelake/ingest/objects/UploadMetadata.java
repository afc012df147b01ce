package org.zonelake.ingest.objects;

import java.util.Map;

/**
 * The optional {@code metadata} part of a single-request upload.
 *
 * @param template name of the project's template describing the object, or {@code null}
 * @param values the template's field values
 */
record UploadMetadata(String template, Map<String, Object> values, String dataProcessing, String application, String description) {
    static final UploadMetadata NONE = new UploadMetadata(null, Map.of(), null, null, null);

    UploadMetadata {
        values = values == null ? Map.of() : values;
    }
}
