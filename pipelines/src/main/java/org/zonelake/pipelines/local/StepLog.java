package org.zonelake.pipelines.local;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/** A step's log as the API returns it: timestamped lines, the newest {@value #MAX_LINES} kept. */
final class StepLog {
    static final int MAX_LINES = 200;
    private static final int MAX_LINE_CHARS = 2_000;

    private final Clock clock;
    private final Deque<String> lines = new ArrayDeque<>();
    private int dropped;

    StepLog(Clock clock, String earlier) {
        this.clock = clock;
        if (earlier != null && !earlier.isEmpty()) {
            earlier.lines().forEach(this::keep);
        }
    }

    synchronized void append(String line) {
        String bounded = line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "…" : line;
        keep(clock.instant() + " " + bounded);
    }

    synchronized String text() {
        String kept = String.join("\n", lines);
        return dropped == 0 ? kept : "(" + dropped + " earlier lines dropped)\n" + kept;
    }

    private void keep(String line) {
        lines.addLast(line);
        while (lines.size() > MAX_LINES) {
            lines.removeFirst();
            dropped++;
        }
    }
}
