package org.zonelake.sql;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.SqlStore;

/** Streams rows into a table with batched INSERTs, numbering them and adding their provenance; holds one batch at most. */
final class RowInserter {
    static final int BATCH_SIZE = 2_000;

    /** Runs after each batch has been sent, e.g. to commit it. */
    @FunctionalInterface
    interface AfterBatch {
        void run() throws SQLException;
    }

    private final Provenance provenance;
    private final GoldTable target;
    private final List<Column> columns;

    RowInserter(Provenance provenance, GoldTable target, List<Column> columns) {
        this.provenance = requireNonNull(provenance, "provenance is null");
        this.target = requireNonNull(target, "target is null");
        this.columns = List.copyOf(columns);
    }

    /** Inserts every row into {@code physicalTable} (the target itself or its staging table); returns the count. */
    long insertAll(Connection connection, String physicalTable, Iterator<List<Object>> rows, AfterBatch afterBatch) throws SQLException {
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement(insertSql(physicalTable))) {
            while (rows.hasNext()) {
                count++;
                bindRow(statement, rows.next(), count);
                statement.addBatch();
                if (count % BATCH_SIZE == 0) {
                    statement.executeBatch();
                    afterBatch.run();
                }
            }
            if (count % BATCH_SIZE != 0) {
                statement.executeBatch();
                afterBatch.run();
            }
        }
        return count;
    }

    private String insertSql(String physicalTable) {
        String names = columns.stream().map(column -> SqlDialect.quote(column.name())).collect(Collectors.joining(", "));
        String marks = "?, ".repeat(columns.size());
        return "INSERT INTO " + SqlDialect.qualified(target.schema(), physicalTable) + " (" + names + ", "
                + SqlDialect.quote(SqlStore.OBJECT_COLUMN) + ", " + SqlDialect.quote(SqlStore.RUN_COLUMN) + ", "
                + SqlDialect.quote(TableColumns.ROW_COLUMN) + ") VALUES (" + marks + "?, ?, ?)";
    }

    private void bindRow(PreparedStatement statement, List<Object> row, long number) throws SQLException {
        if (row == null || row.size() != columns.size()) {
            throw invalid(number, String.format("it has %s values, the table %d columns", row == null ? "no" : row.size(), columns.size()));
        }
        for (int i = 0; i < columns.size(); i++) {
            try {
                ColumnValues.bind(statement, i + 1, columns.get(i), row.get(i));
            } catch (IllegalArgumentException e) {
                throw invalid(number, e.getMessage());
            }
        }
        statement.setLong(columns.size() + 1, provenance.objectId());
        statement.setString(columns.size() + 2, provenance.runId());
        statement.setLong(columns.size() + 3, number);
    }

    private LakeException invalid(long number, String reason) {
        return LakeException.of(ErrorCode.INVALID_DATA, "Cannot write row %d of object %d to table %s of project %s: %s",
                number, provenance.objectId(), target.table(), target.project(), reason);
    }
}
