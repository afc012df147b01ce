package org.zonelake.pipelines.image;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What an image says about itself: its format, size in pixels, and the EXIF properties it carries (camera make and
 * model, date taken, orientation, exposure, GPS position; only those present).
 */
record ImageFacts(String format, String mimeType, int width, int height, Map<String, Object> exif) {
    ImageFacts {
        requireNonNull(format, "format is null");
        requireNonNull(mimeType, "mimeType is null");
        exif = Map.copyOf(exif);
    }
}
