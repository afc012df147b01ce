package org.zonelake.pipelines.tabular;

import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * Parses one numbered line into a row of {@link TabularData}'s layout: line number, reason (null if the line
 * fits), raw line (only kept for a quarantined row), then the typed values. Runs on executors.
 */
final class LineParser implements Function<Tuple2<String, Long>, Row> {
    private static final long serialVersionUID = 1L;

    private final char delimiter;
    private final boolean header;
    private final List<TypedColumn> columns;

    LineParser(TextLayout layout, List<TypedColumn> columns) {
        this.delimiter = layout.delimiter();
        this.header = layout.hasHeader();
        this.columns = List.copyOf(columns);
    }

    @Override
    public Row call(Tuple2<String, Long> numbered) {
        String text = numbered._1();
        long line = numbered._2() + 1;
        List<String> fields = DelimitedLine.split(text, delimiter);
        if (fields == null) {
            return bad(line, "a quoted field is not closed on its line", text);
        }
        if (fields.size() != columns.size()) {
            return bad(line, fieldCount(fields.size()), text);
        }
        Object[] values = new Object[3 + columns.size()];
        values[0] = line;
        for (int i = 0; i < columns.size(); i++) {
            TypedColumn column = columns.get(i);
            try {
                values[3 + i] = column.parse(fields.get(i));
            } catch (IllegalArgumentException e) {
                return bad(line, "column " + column.name() + ": " + e.getMessage(), text);
            }
        }
        return RowFactory.create(values);
    }

    private String fieldCount(int found) {
        return found + (found == 1 ? " field, " : " fields, ") + (header ? "the header has " : "the first lines have ") + columns.size();
    }

    private Row bad(long line, String reason, String text) {
        Object[] values = new Object[3 + columns.size()];
        values[0] = line;
        values[1] = reason;
        values[2] = text;
        return RowFactory.create(values);
    }
}
