package org.zonelake.airflow;

/** What triggering a DAG run did: a new run, or none because a run with that id exists (an earlier attempt's). */
public enum TriggerOutcome {
    CREATED,
    ALREADY_EXISTS
}
