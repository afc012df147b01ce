package org.zonelake.core.process;

import static java.util.Objects.requireNonNull;

/** Runs of a project, newest first, optionally of one object and/or in one state. */
public record RunQuery(String project, Long objectId, RunState state, String cursor, int limit) {
    public RunQuery {
        requireNonNull(project, "project is null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
