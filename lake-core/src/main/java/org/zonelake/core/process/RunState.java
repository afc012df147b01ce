package org.zonelake.core.process;

import java.util.Locale;

/** Where a pipeline run, or one of its steps, stands. */
public enum RunState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    NOT_HANDLED,
    CANCELLED;

    /** True once nothing more happens without a redo. */
    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
