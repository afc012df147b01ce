package org.zonelake.pipelines.sqldump;

import java.util.List;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.pipelines.Pipeline;
import org.zonelake.pipelines.PipelineStep;

/**
 * Pipeline {@code sql-dump}: the tables of an SQL dump (CREATE TABLE and INSERT statements, as mysqldump or
 * {@code pg_dump --inserts} write them) become gold SQL tables, one per dump table. Needs no Spark: the dump is
 * parsed as it streams. See the module README for what is read and skipped.
 */
public final class SqlDumpPipeline implements Pipeline {
    private final List<PipelineStep> steps;

    public SqlDumpPipeline(SqlStore store) {
        this.steps = List.of(new LoadDumpStep(store));
    }

    @Override
    public String name() {
        return PipelineNames.SQL_DUMP;
    }

    @Override
    public List<PipelineStep> steps() {
        return steps;
    }
}
