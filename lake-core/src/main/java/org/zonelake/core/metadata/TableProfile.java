package org.zonelake.core.metadata;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/** The profile of a table an object was loaded into, stored in the metadata zone beside the object. */
public record TableProfile(String project, long objectId, String runId, String table, long rowCount, long quarantinedRows,
                           List<ColumnProfile> columns, Instant profiledAt) {
    public TableProfile {
        requireNonNull(project, "project is null");
        requireNonNull(table, "table is null");
        requireNonNull(profiledAt, "profiledAt is null");
        columns = List.copyOf(columns);
    }
}
