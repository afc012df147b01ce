package org.zonelake.core.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How a template's JSON or CSV objects become time-series points.
 *
 * @param measurement the measurement name; or, when {@code measurementField} is set, the fallback
 * @param measurementField a record field whose value names the measurement per record (optional)
 * @param timeField the record field holding the time
 * @param timeFormat {@code iso} (ISO-8601, the default), {@code epoch_s}, {@code epoch_ms}, {@code epoch_us},
 *                   {@code epoch_ns}, or a {@link java.time.format.DateTimeFormatter} pattern read as UTC
 * @param tagFields record fields that become tags
 * @param valueFields record fields that become fields (numbers, booleans, text); empty: every other field
 * @param readingsPath dot path to the array of readings inside a JSON document ({@code null}: the document is
 *                     the array, an NDJSON line, or one reading)
 */
public record TimeSeriesMapping(String measurement, String measurementField, String timeField, String timeFormat,
                                List<String> tagFields, List<String> valueFields, String readingsPath) {
    public TimeSeriesMapping {
        requireNonNull(measurement, "measurement is null");
        requireNonNull(timeField, "timeField is null");
        timeFormat = timeFormat == null || timeFormat.isBlank() ? "iso" : timeFormat;
        tagFields = tagFields == null ? List.of() : List.copyOf(tagFields);
        valueFields = valueFields == null ? List.of() : List.copyOf(valueFields);
        if (measurement.isBlank() || timeField.isBlank()) {
            throw new IllegalArgumentException("A time-series mapping needs a measurement and a time field");
        }
    }
}
