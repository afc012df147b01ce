package org.zonelake.core.gold.sql;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;

/** A gold table's name and columns, without the lake's own provenance columns. */
public record TableSchema(String name, List<Column> columns) {
    public TableSchema {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        if (!Column.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Table name '" + name + "' is not a sanitised identifier " + Column.NAME);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Table " + name + " has no column");
        }
        var seen = new HashSet<String>();
        for (Column column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("Table " + name + " names column " + column.name() + " twice");
            }
        }
    }
}
