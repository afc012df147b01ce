package org.zonelake.core.process;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One step of a run: its state, how often it was attempted, when it last started and ended, why it did not
 * succeed, and its log (the newest lines, bounded).
 */
public record StepRun(String name, RunState state, int attempts, Instant startedAt, Instant endedAt, String reason, String log) {
    public StepRun {
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
        reason = reason == null ? "" : reason;
        log = log == null ? "" : log;
    }

    public static StepRun queued(String name) {
        return new StepRun(name, RunState.QUEUED, 0, null, null, "", "");
    }
}
