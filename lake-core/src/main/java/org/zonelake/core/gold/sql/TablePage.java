package org.zonelake.core.gold.sql;

import java.util.List;

/** Rows of a preview, in the table's column order, and the offset of the next page ({@code -1} on the last). */
public record TablePage(List<Column> columns, List<List<Object>> rows, long nextOffset) {
    public TablePage {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
