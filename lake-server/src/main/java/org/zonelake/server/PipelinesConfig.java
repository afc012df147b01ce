package org.zonelake.server;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.zonelake.airflow.AirflowConfig;
import org.zonelake.airflow.PipelineTriggerKind;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.pipelines.archive.ArchiveConfig;
import org.zonelake.pipelines.graph.GraphJsonConfig;
import org.zonelake.pipelines.tabular.TabularConfig;

/**
 * Settings of the pipelines in this process.
 *
 * @param sparkThreads cores of the in-process Spark ({@code ZONELAKE_SPARK_THREADS}, default 0: all)
 * @param trigger who processes stored objects ({@code ZONELAKE_PIPELINES_TRIGGER}): this process ({@code local}, the
 *     default) or Airflow DAG runs that spark-submit the pipelines job to a cluster ({@code airflow})
 * @param airflow the Airflow settings ({@code ZONELAKE_AIRFLOW_*}), present exactly when the trigger is Airflow
 */
public record PipelinesConfig(int sparkThreads, TabularConfig tabular, GraphJsonConfig graphJson, ArchiveConfig archives,
                              PipelineTriggerKind trigger, Optional<AirflowConfig> airflow) {
    public static final String SPARK_THREADS = "spark.threads";

    public PipelinesConfig {
        requireNonNull(tabular, "tabular is null");
        requireNonNull(graphJson, "graphJson is null");
        requireNonNull(archives, "archives is null");
        requireNonNull(trigger, "trigger is null");
        requireNonNull(airflow, "airflow is null");
        if (airflow.isPresent() != (trigger == PipelineTriggerKind.AIRFLOW)) {
            throw new IllegalArgumentException("Airflow settings are needed exactly when " + ConfigSource.environmentName(PipelineTriggerKind.KEY) + "=airflow");
        }
        if (sparkThreads < 0) {
            throw new IllegalArgumentException(ConfigSource.environmentName(SPARK_THREADS) + " must be 0 (all cores) or more, was " + sparkThreads);
        }
    }

    public static PipelinesConfig from(ConfigSource source) {
        PipelineTriggerKind trigger = PipelineTriggerKind.from(source);
        return new PipelinesConfig(source.integer(SPARK_THREADS, 0), TabularConfig.from(source), GraphJsonConfig.from(source),
                ArchiveConfig.from(source), trigger,
                trigger == PipelineTriggerKind.AIRFLOW ? Optional.of(AirflowConfig.from(source)) : Optional.empty());
    }
}
