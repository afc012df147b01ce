package org.zonelake.pipelines.tabular;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.TableSchema;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.StepResult;

/**
 * Step {@code load} of {@code sql-tabular}: parses the object, counts rows that fit and rows that do not, and
 * unless too many do not (or there are none), writes the fitting rows to the object's table and the others,
 * with line and reason, to {@code <table>_quarantine}. Each write replaces the object's earlier rows.
 */
final class LoadTableStep implements PipelineStep {
    static final String NAME = "load";
    static final List<Column> QUARANTINE_COLUMNS = List.of(
            new Column("line", ColumnType.INTEGER), new Column("reason", ColumnType.TEXT), new Column("record", ColumnType.TEXT));
    private static final int EXAMPLES = 3;

    private final TabularReader reader;
    private final SqlStore store;
    private final TemplateRepository templates;
    private final TabularConfig config;

    LoadTableStep(TabularReader reader, SqlStore store, TemplateRepository templates, TabularConfig config) {
        this.reader = requireNonNull(reader, "reader is null");
        this.store = requireNonNull(store, "store is null");
        this.templates = requireNonNull(templates, "templates is null");
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult run(StepContext context) throws Exception {
        return StepResult.failingOnBadData(() -> reader.withTable(context, "sql-tabular load", data -> load(context, data)));
    }

    private StepResult load(StepContext context, TabularData data) {
        long[] counts = data.counts();
        long total = counts[0];
        long bad = counts[1];
        context.log("Parsed %d rows: %d fit the columns, %d do not", total, total - bad, bad);
        if (total == 0) {
            return StepResult.failed("The file has no data rows: nothing to load");
        }
        if (bad > config.maxBadRowShare() * total) {
            return StepResult.failed(tooManyBadRows(data, total, bad));
        }
        TableTarget target = TableTarget.of(context.object(), templates);
        long written = write(context, target.table(), target, data.columns(), data.good().toLocalIterator());
        String summary = String.format(Locale.ROOT, "%,d rows into table %s", written, target.table());
        if (bad > 0 || store.table(context.provenance().project(), target.quarantine()).isPresent()) {
            long quarantined = write(context, target.quarantine(), target, QUARANTINE_COLUMNS, data.bad().toLocalIterator());
            summary += String.format(Locale.ROOT, "; %,d rows quarantined into %s", quarantined, target.quarantine());
        }
        return StepResult.succeeded(summary);
    }

    private long write(StepContext context, String table, TableTarget target, List<Column> columns, Iterator<Row> rows) {
        Provenance provenance = context.provenance();
        long written = store.writeTable(provenance, new TableSchema(table, columns), target.mode(),
                new GoldRows(rows, columns, context::cancelRequested, soFar -> context.log("%,d rows into %s so far", soFar, table)));
        context.log("Wrote %d rows into %s (%s)", written, table, target.mode());
        return written;
    }

    private String tooManyBadRows(TabularData data, long total, long bad) {
        List<String> examples = data.bad().orderBy(TabularData.field(TabularData.LINE)).limit(EXAMPLES).collectAsList().stream()
                .map(row -> "Line " + row.getLong(0) + ": " + row.getString(1))
                .toList();
        return String.format(Locale.ROOT, "%,d of %,d rows (%.0f%%) do not fit the columns, more than the %s allowed; nothing was loaded. First bad rows: %s",
                bad, total, 100.0 * bad / total, config.maxBadRowPercent(), String.join("; ", examples));
    }
}
