package org.zonelake.pipelines.sqldump;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.pipelines.tabular.SqlNames;
import org.zonelake.pipelines.tabular.ValueKind;

/**
 * One table of a dump while it is read: its columns (declared by CREATE TABLE, or gathered from its INSERTs and
 * typed by their values), and its rows spooled to a file. Values of declared columns are checked as they are
 * read, so a value that does not fit fails the load before anything is written.
 */
final class DumpTable implements Closeable {
    private final String name;
    private final String goldName;
    private final RowSpool spool;
    private final List<String> columns = new ArrayList<>();
    private List<SqlTypes.Declared> declared;
    private int[] declaredScales;
    private final List<LiteralStats> stats = new ArrayList<>();

    DumpTable(String name, String goldName, Path spoolFile) throws IOException {
        this.name = requireNonNull(name, "name is null");
        this.goldName = requireNonNull(goldName, "goldName is null");
        this.spool = new RowSpool(spoolFile);
    }

    String name() {
        return name;
    }

    String goldName() {
        return goldName;
    }

    long rows() {
        return spool.rows();
    }

    void declare(int line, List<String> names, List<SqlTypes.Declared> types) {
        if (spool.rows() > 0) {
            throw invalid(line, "CREATE TABLE " + name + " comes after rows were inserted into it");
        }
        columns.clear();
        columns.addAll(names);
        declared = List.copyOf(types);
        declaredScales = types.stream().mapToInt(type -> Math.max(type.scale(), 0)).toArray();
    }

    /** Adds the rows of one INSERT; {@code insertColumns} is {@code null} when the INSERT names none. */
    void insert(int line, List<String> insertColumns, List<List<Literal>> rows) throws IOException {
        int[] positions = positions(line, insertColumns, rows.isEmpty() ? 0 : rows.get(0).size());
        for (List<Literal> values : rows) {
            if (values.size() != positions.length) {
                throw invalid(line, "a row of INSERT INTO " + name + " has " + values.size() + " values for " + positions.length + " columns");
            }
            Literal[] row = new Literal[columns.size()];
            Arrays.fill(row, Literal.NULL);
            for (int i = 0; i < positions.length; i++) {
                row[positions[i]] = values.get(i);
                check(line, positions[i], values.get(i));
            }
            spool.write(row);
        }
    }

    private int[] positions(int line, List<String> insertColumns, int width) {
        if (insertColumns == null) {
            while (declared == null && columns.size() < width) {
                columns.add("column_" + (columns.size() + 1));
                stats.add(new LiteralStats());
            }
            if (width != columns.size()) {
                throw invalid(line, "INSERT INTO " + name + " has " + width + " values, the table has " + columns.size() + " columns");
            }
            return IntStream.range(0, width).toArray();
        }
        int[] positions = new int[insertColumns.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = position(line, insertColumns.get(i));
        }
        return positions;
    }

    private int position(int line, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        if (declared != null) {
            throw invalid(line, "INSERT INTO " + name + " names column " + column + ", which its CREATE TABLE does not declare");
        }
        columns.add(column);
        stats.add(new LiteralStats());
        return columns.size() - 1;
    }

    private void check(int line, int column, Literal value) {
        if (declared == null) {
            stats.get(column).add(value);
            return;
        }
        SqlTypes.Declared type = declared.get(column);
        try {
            value.as(type.type(), Math.max(type.scale(), 0));
        } catch (IllegalArgumentException e) {
            throw invalid(line, "table " + name + " column " + columns.get(column) + " (" + type.type() + "): " + e.getMessage());
        }
        if (type.type() == ColumnType.DECIMAL && type.scale() < 0) {
            declaredScales[column] = Math.max(declaredScales[column], value.scale());
        }
    }

    /** The gold columns: sanitised names, declared or inferred types. */
    List<Column> goldColumns() {
        List<String> names = SqlNames.columnNames(columns);
        List<Column> gold = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            gold.add(declared != null
                    ? new Column(names.get(i), declared.get(i).type(), declared.get(i).type() == ColumnType.DECIMAL ? declaredScales[i] : 0)
                    : new Column(names.get(i), stats.get(i).columnType(), stats.get(i).scale()));
        }
        return gold;
    }

    /** The spooled rows as gold values of {@link #goldColumns()}; rows spooled before a column was added get NULL. */
    Iterator<List<Object>> goldRows() throws IOException {
        List<Column> gold = goldColumns();
        Iterator<Literal[]> rows = spool.read();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public List<Object> next() {
                Literal[] row = rows.next();
                List<Object> values = new ArrayList<>(gold.size());
                for (int i = 0; i < gold.size(); i++) {
                    values.add(value(i < row.length ? row[i] : Literal.NULL, i, gold.get(i)));
                }
                return values;
            }
        };
    }

    private Object value(Literal literal, int index, Column column) {
        if (declared != null || literal.kind() == Literal.Kind.NULL) {
            return literal.as(column.type(), column.scale());
        }
        ValueKind kind = stats.get(index).kind();
        return kind == ValueKind.TEXT ? literal.text() : kind.parse(literal.text(), column.scale());
    }

    String describe() {
        return String.format(Locale.ROOT, "%s (%s, %d rows)", name, declared != null ? "declared" : "inferred", rows());
    }

    private static LakeException invalid(int line, String reason) {
        return new LakeException(ErrorCode.INVALID_DATA, "Line " + line + ": " + reason);
    }

    @Override
    public void close() throws IOException {
        spool.close();
    }
}
