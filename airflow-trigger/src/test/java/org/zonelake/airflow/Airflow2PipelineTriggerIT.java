package org.zonelake.airflow;

import org.zonelake.core.testing.ItEnvironment;

/**
 * The scenarios against Airflow 2 (REST API v1, basic authentication): {@code services/airflow.sh start --v2} runs
 * one and {@code eval "$(services/airflow.sh env --v2)"} sets the variables.
 */
class Airflow2PipelineTriggerIT extends AirflowTriggerScenarios {
    private static final String HOW = "run services/airflow.sh start --v2 and eval \"$(services/airflow.sh env --v2)\"";

    @Override
    protected AirflowConfig airflow() {
        return AirflowConfig.of(ItEnvironment.require("ZONELAKE_IT_AIRFLOW2_URL", HOW),
                ItEnvironment.require("ZONELAKE_IT_AIRFLOW2_USER", HOW),
                ItEnvironment.require("ZONELAKE_IT_AIRFLOW2_PASSWORD", HOW),
                ApiVersion.parse(ItEnvironment.optional("ZONELAKE_IT_AIRFLOW2_API_VERSION", "auto")));
    }
}
