package org.zonelake.pipelines.tabular;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.metadata.ColumnProfile;
import org.zonelake.core.metadata.ProfileRepository;
import org.zonelake.core.metadata.TableProfile;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.StepResult;

/**
 * Step {@code profile} of {@code sql-tabular}: reads the object again as the load did and, in one Spark
 * aggregation over the rows that were loaded, counts rows and per column nulls, smallest and largest value
 * (as text) and an approximate number of distinct values; saves it as the object's {@link TableProfile}.
 */
final class ProfileTableStep implements PipelineStep {
    static final String NAME = "profile";
    private static final int AGGREGATES_PER_COLUMN = 4;

    private final TabularReader reader;
    private final ProfileRepository profiles;
    private final TemplateRepository templates;
    private final Clock clock;

    ProfileTableStep(TabularReader reader, ProfileRepository profiles, TemplateRepository templates, Clock clock) {
        this.reader = requireNonNull(reader, "reader is null");
        this.profiles = requireNonNull(profiles, "profiles is null");
        this.templates = requireNonNull(templates, "templates is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult run(StepContext context) throws Exception {
        return StepResult.failingOnBadData(() -> reader.withTable(context, "sql-tabular profile", data -> profile(context, data)));
    }

    private StepResult profile(StepContext context, TabularData data) {
        List<Column> columns = data.columns();
        Row aggregates = data.good().agg(functions.count(functions.lit(1)), perColumn(columns)).first();
        long rows = aggregates.getLong(0);
        long quarantined = data.counts()[1];
        List<ColumnProfile> profiled = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            int at = 1 + i * AGGREGATES_PER_COLUMN;
            Column column = columns.get(i);
            profiled.add(new ColumnProfile(column.name(), column.type().name(), rows - aggregates.getLong(at),
                    text(aggregates.get(at + 1), column), text(aggregates.get(at + 2), column), aggregates.getLong(at + 3)));
        }
        String table = TableTarget.of(context.object(), templates).table();
        Provenance provenance = context.provenance();
        profiles.save(new TableProfile(provenance.project(), provenance.objectId(), provenance.runId(), table, rows, quarantined,
                profiled, clock.instant()));
        context.log("Profiled %d rows and %d columns of %s (%d rows quarantined)", rows, columns.size(), table, quarantined);
        return StepResult.succeeded(String.format(Locale.ROOT, "profiled %,d rows of table %s", rows, table));
    }

    private static org.apache.spark.sql.Column[] perColumn(List<Column> columns) {
        List<org.apache.spark.sql.Column> aggregates = new ArrayList<>();
        for (Column column : columns) {
            org.apache.spark.sql.Column value = functions.col(column.name());
            aggregates.add(functions.count(value));
            aggregates.add(functions.min(value));
            aggregates.add(functions.max(value));
            aggregates.add(functions.approx_count_distinct(value));
        }
        return aggregates.toArray(org.apache.spark.sql.Column[]::new);
    }

    private static String text(Object spark, Column column) {
        Object value = GoldRows.value(spark, column.type());
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
