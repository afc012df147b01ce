package org.zonelake.airflow;

import static java.util.Objects.requireNonNull;

/** One run of a DAG, as Airflow reports it. */
public record DagRun(String dagId, String runId, DagRunState state) {
    public DagRun {
        requireNonNull(dagId, "dagId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(state, "state is null");
    }
}
