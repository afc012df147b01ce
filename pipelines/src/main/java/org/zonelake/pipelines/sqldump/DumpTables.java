package org.zonelake.pipelines.sqldump;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.zonelake.pipelines.tabular.SqlNames;

/**
 * The tables of one dump, in the order they first appear, each with its gold name: the dump's file name, the
 * table's name and the object id ({@code shop_sql_orders_42}), made unique if two tables sanitise alike.
 */
final class DumpTables implements AutoCloseable {
    private final Path spoolDirectory;
    private final String fileName;
    private final long objectId;
    private final Map<String, DumpTable> tables = new LinkedHashMap<>();
    private final Set<String> goldNames = new HashSet<>();

    DumpTables(Path spoolDirectory, String fileName, long objectId) {
        this.spoolDirectory = requireNonNull(spoolDirectory, "spoolDirectory is null");
        this.fileName = requireNonNull(fileName, "fileName is null");
        this.objectId = objectId;
    }

    /** The table of that name (case-insensitive), created on first use. */
    DumpTable table(String name) throws IOException {
        String key = name.toLowerCase(Locale.ROOT);
        DumpTable table = tables.get(key);
        if (table == null) {
            String goldName = SqlNames.unique(SqlNames.objectTable(fileName, objectId, name), goldNames);
            goldNames.add(goldName);
            table = new DumpTable(name, goldName, spoolDirectory.resolve("table-" + tables.size() + ".rows"));
            tables.put(key, table);
        }
        return table;
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    List<DumpTable> all() {
        return new ArrayList<>(tables.values());
    }

    @Override
    public void close() throws IOException {
        for (DumpTable table : tables.values()) {
            table.close();
        }
    }
}
