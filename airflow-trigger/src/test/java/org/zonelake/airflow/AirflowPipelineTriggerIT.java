package org.zonelake.airflow;

import org.zonelake.core.testing.ItEnvironment;

/**
 * The scenarios against Airflow 3 (REST API v2): {@code services/airflow.sh start} runs one and
 * {@code eval "$(services/airflow.sh env)"} sets the variables.
 */
class AirflowPipelineTriggerIT extends AirflowTriggerScenarios {
    private static final String HOW = "run services/airflow.sh start and eval \"$(services/airflow.sh env)\"";

    @Override
    protected AirflowConfig airflow() {
        return AirflowConfig.of(ItEnvironment.require("ZONELAKE_IT_AIRFLOW_URL", HOW),
                ItEnvironment.require("ZONELAKE_IT_AIRFLOW_USER", HOW),
                ItEnvironment.require("ZONELAKE_IT_AIRFLOW_PASSWORD", HOW),
                ApiVersion.parse(ItEnvironment.optional("ZONELAKE_IT_AIRFLOW_API_VERSION", "auto")));
    }
}
