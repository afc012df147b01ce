package org.zonelake.core.gold.timeseries;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A measurement of a project: its tag keys and field keys (the lake's own provenance keys excluded). */
public record Measurement(String name, List<String> tagKeys, List<String> fieldKeys) {
    public Measurement {
        requireNonNull(name, "name is null");
        tagKeys = List.copyOf(tagKeys);
        fieldKeys = List.copyOf(fieldKeys);
    }
}
