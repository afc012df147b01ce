package org.zonelake.core.metadata;

import static java.util.Objects.requireNonNull;

/** What one column of a loaded table holds: nulls, smallest and largest value (as text), distinct estimate. */
public record ColumnProfile(String name, String type, long nulls, String min, String max, long distinctEstimate) {
    public ColumnProfile {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
