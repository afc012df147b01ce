package org.zonelake.core.gold.sql;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.RecordSink;

/**
 * The relational gold zone: a schema per project, a table per object or per template. Every row carries its
 * source object id and run id in the columns {@code zl_object_id} and {@code zl_run_id}.
 */
public interface SqlStore extends AutoCloseable {
    String OBJECT_COLUMN = "zl_object_id";
    String RUN_COLUMN = "zl_run_id";

    /**
     * Writes the rows (values in {@code schema}'s column order) as one unit: readers see the old state or the
     * new, never a part. An existing shared table gains missing columns; a type clash is a user error.
     * Returns the number of rows written.
     */
    long writeTable(Provenance provenance, TableSchema schema, WriteMode mode, Iterator<List<Object>> rows);

    List<TableInfo> tables(String project);

    Optional<TableInfo> table(String project, String table);

    /** Up to {@code limit} rows from {@code offset}, in a stable order. */
    TablePage preview(String project, String table, long offset, int limit);

    /** Streams every row of the table, in the same order as {@link #preview}. */
    void export(String project, String table, RecordSink<List<Object>> rows);

    /** The tables (and row counts) the object contributed to. */
    List<DerivedRecords> derivedFrom(String project, long objectId);

    @Override
    default void close() {
    }
}
