package org.zonelake.core.gold;

import static java.util.Objects.requireNonNull;

/** Where gold records came from: every gold write carries it, so lineage can be followed both ways. */
public record Provenance(String project, long objectId, String runId) {
    public Provenance {
        requireNonNull(project, "project is null");
        requireNonNull(runId, "runId is null");
        if (objectId <= 0) {
            throw new IllegalArgumentException("objectId must be positive: " + objectId);
        }
    }
}
