package org.zonelake.pipelines.tabular;

import java.time.Clock;
import java.util.List;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.metadata.ProfileRepository;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.pipelines.Pipeline;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.spark.LakeSpark;

/**
 * Pipeline {@code sql-tabular}: a CSV, TSV or Parquet object becomes a gold SQL table with an inferred schema
 * (step {@code load}, rows that do not fit quarantined) and a profile in the metadata zone (step {@code profile}).
 * See the module README for detection, inference, naming and limits.
 */
public final class SqlTabularPipeline implements Pipeline {
    private final List<PipelineStep> steps;

    public SqlTabularPipeline(LakeSpark spark, SqlStore store, ProfileRepository profiles, TemplateRepository templates,
                              TabularConfig config, Clock clock) {
        TabularReader reader = new TabularReader(spark, config);
        this.steps = List.of(new LoadTableStep(reader, store, templates, config), new ProfileTableStep(reader, profiles, templates, clock));
    }

    @Override
    public String name() {
        return PipelineNames.SQL_TABULAR;
    }

    @Override
    public List<PipelineStep> steps() {
        return steps;
    }
}
