package org.zonelake.timeseries;

import static java.util.Objects.requireNonNull;
import static org.zonelake.core.error.ErrorCode.GOLD_ZONE_UNAVAILABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.zonelake.core.error.LakeException;

/**
 * Waits until QuestDB has applied what was committed to tables' write-ahead logs: WAL tables apply commits
 * asynchronously, and a point must be queryable once {@code replacePoints} returns. Reads {@code wal_tables()}: a table
 * is caught up when its writer transaction reaches the sequencer transaction seen after our commits.
 */
final class QuestDbWal {
    private static final long FIRST_PAUSE_MILLIS = 1;
    private static final long MAX_PAUSE_MILLIS = 50;

    private final QuestDbClient client;
    private final Duration timeout;

    QuestDbWal(QuestDbClient client, Duration timeout) {
        this.client = requireNonNull(client, "client is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    private record TableState(boolean suspended, long writerTxn, long sequencerTxn, String error) {
        static TableState of(JsonNode row) {
            return new TableState(row.get(1).asBoolean(), row.get(2).asLong(), row.get(3).asLong(), row.get(4).asText(""));
        }
    }

    void awaitApplied(Collection<String> tables) {
        Set<String> waiting = new LinkedHashSet<>(tables);
        Map<String, Long> targets = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Map<String, TableState> states = states();
            waiting.removeIf(table -> caughtUp(table, states.get(table), targets));
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw LakeException.of(GOLD_ZONE_UNAVAILABLE, "QuestDB at %s did not apply the points written to %s within %s",
                        client.base(), waiting, timeout);
            }
            pause(pause);
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    private boolean caughtUp(String table, TableState state, Map<String, Long> targets) {
        if (state == null) {
            return true;
        }
        if (state.suspended()) {
            throw LakeException.of(GOLD_ZONE_UNAVAILABLE, "QuestDB at %s suspended table %s: %s", client.base(), table, state.error());
        }
        long target = targets.computeIfAbsent(table, t -> state.sequencerTxn());
        return state.writerTxn() >= target;
    }

    private Map<String, TableState> states() {
        Map<String, TableState> states = new HashMap<>();
        client.query("SELECT name, suspended, writerTxn, sequencerTxn, errorMessage FROM wal_tables()",
                (columns, row) -> states.put(row.get(0).asText(), TableState.of(row)));
        return states;
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(GOLD_ZONE_UNAVAILABLE, "Interrupted while waiting for QuestDB to apply written points", e);
        }
    }
}
