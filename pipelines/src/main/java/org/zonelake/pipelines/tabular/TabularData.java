package org.zonelake.pipelines.tabular;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.zonelake.core.gold.sql.Column;

/**
 * A tabular object read by Spark: the gold columns and a dataset of rows. For a text file every non-blank line
 * after the header is a row, with its line number, and a reason and the raw line if it does not fit the
 * columns (a quarantined row); a Parquet file's rows all fit.
 *
 * @param description what was read, for logs: "CSV, comma, header on line 1, UTF-8"
 */
record TabularData(Dataset<Row> rows, List<Column> columns, boolean lineBased, String description) {
    static final String LINE = "#line";
    static final String REASON = "#reason";
    static final String RECORD = "#record";

    TabularData {
        requireNonNull(rows, "rows is null");
        columns = List.copyOf(columns);
        requireNonNull(description, "description is null");
    }

    /** The rows that fit, data columns only, in file order. */
    Dataset<Row> good() {
        if (!lineBased) {
            return rows;
        }
        return rows.filter(field(REASON).isNull()).select(columns.stream().map(c -> functions.col(c.name())).toArray(org.apache.spark.sql.Column[]::new));
    }

    /** Rows in all, and rows that do not fit (one Spark job). */
    long[] counts() {
        if (!lineBased) {
            return new long[] {rows.count(), 0};
        }
        Row counts = rows.agg(functions.count(functions.lit(1)), functions.count(field(REASON))).first();
        return new long[] {counts.getLong(0), counts.getLong(1)};
    }

    /** The quarantined rows: line, reason, raw line; none for Parquet. */
    Dataset<Row> bad() {
        if (!lineBased) {
            return rows.limit(0).select(functions.lit(0L).as(LINE), functions.lit("").as(REASON), functions.lit("").as(RECORD));
        }
        return rows.filter(field(REASON).isNotNull()).select(field(LINE), field(REASON), field(RECORD));
    }

    static org.apache.spark.sql.Column field(String name) {
        return functions.col("`" + name + "`");
    }
}
