package org.zonelake.core.gold;

import static java.util.Objects.requireNonNull;

/**
 * A set of gold records one object produced, as lineage lists it: {@code count} records of a {@code kind}
 * (table rows, measurement points, nodes, relationships) under {@code name} in a zone, written by a run.
 */
public record DerivedRecords(GoldZone zone, String kind, String name, long count, long objectId, String runId) {
    public DerivedRecords {
        requireNonNull(zone, "zone is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
    }
}
