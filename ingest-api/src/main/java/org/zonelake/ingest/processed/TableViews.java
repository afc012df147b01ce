package org.zonelake.ingest.processed;

import java.util.List;
import java.util.Locale;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.TableInfo;
import org.zonelake.core.gold.sql.TablePage;
import org.zonelake.core.metadata.TableProfile;

/** Gold tables as the API shows them. */
final class TableViews {
    private TableViews() {}

    /** A column; {@code type} in lower case, {@code scale} the decimal places of a decimal column (0 otherwise). */
    record ColumnView(String name, String type, int scale) {
        static ColumnView of(Column column) {
            return new ColumnView(column.name(), column.type().name().toLowerCase(Locale.ROOT), column.scale());
        }

        static List<ColumnView> of(List<Column> columns) {
            return columns.stream().map(ColumnView::of).toList();
        }
    }

    /** A table as listed: {@code source_object_id} is the first (for a table per object, the only) source. */
    record TableView(String name, Long sourceObjectId, List<Long> sourceObjectIds, long rowCount, String lastRunId, List<ColumnView> columns) {
        static TableView of(TableInfo table) {
            return new TableView(table.name(), table.sourceObjectIds().isEmpty() ? null : table.sourceObjectIds().get(0),
                    table.sourceObjectIds(), table.rowCount(), table.lastRunId(), ColumnView.of(table.columns()));
        }
    }

    /** One table with the profiles of every load into it. */
    record TableDetail(String name, Long sourceObjectId, List<Long> sourceObjectIds, long rowCount, String lastRunId,
                       List<ColumnView> columns, List<TableProfile> profiles) {
        static TableDetail of(TableInfo table, List<TableProfile> profiles) {
            TableView view = TableView.of(table);
            return new TableDetail(view.name(), view.sourceObjectId(), view.sourceObjectIds(), view.rowCount(), view.lastRunId(),
                    view.columns(), profiles);
        }
    }

    /** A page of rows in the column order; {@code next_offset} null on the last page. */
    record RowsPage(List<ColumnView> columns, List<List<Object>> rows, Long nextOffset) {
        static RowsPage of(TablePage page) {
            return new RowsPage(ColumnView.of(page.columns()), page.rows(), page.nextOffset() < 0 ? null : page.nextOffset());
        }
    }
}
