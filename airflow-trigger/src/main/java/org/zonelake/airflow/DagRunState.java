package org.zonelake.airflow;

import java.util.Locale;

/** Where an Airflow DAG run stands; a state this client does not know is taken as still in progress. */
public enum DagRunState {
    QUEUED,
    RUNNING,
    SUCCESS,
    FAILED;

    public boolean isFinal() {
        return this == SUCCESS || this == FAILED;
    }

    static DagRunState fromWire(String state) {
        return switch (state == null ? "" : state.toLowerCase(Locale.ROOT)) {
            case "success" -> SUCCESS;
            case "failed" -> FAILED;
            case "queued" -> QUEUED;
            default -> RUNNING;
        };
    }
}
