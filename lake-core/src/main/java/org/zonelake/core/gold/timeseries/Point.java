package org.zonelake.core.gold.timeseries;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * One time-series point, as in the InfluxDB line protocol. Field values are {@link Double}, {@link Long},
 * {@link Boolean} or {@link String}; a point has at least one field.
 */
public record Point(String measurement, Map<String, String> tags, Map<String, Object> fields, Instant time) {
    public Point {
        requireNonNull(measurement, "measurement is null");
        requireNonNull(time, "time is null");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        fields = Map.copyOf(requireNonNull(fields, "fields is null"));
        if (measurement.isBlank()) {
            throw new IllegalArgumentException("A point needs a measurement name");
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("Point of " + measurement + " at " + time + " has no field");
        }
    }
}
