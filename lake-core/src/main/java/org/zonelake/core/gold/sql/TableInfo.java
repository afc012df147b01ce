package org.zonelake.core.gold.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A gold table as listed: its columns (provenance columns included), row count and source objects. */
public record TableInfo(String name, List<Column> columns, long rowCount, List<Long> sourceObjectIds, String lastRunId) {
    public TableInfo {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        sourceObjectIds = List.copyOf(sourceObjectIds);
    }
}
