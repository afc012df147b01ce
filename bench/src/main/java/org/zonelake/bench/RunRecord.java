package org.zonelake.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The times of one pipeline run as {@code GET runs?object_id=} answers them: the run's own and each step's. The
 * server's clock is this machine's, so they compare with instants the benchmark takes itself.
 */
record RunRecord(String id, String state, String reason, Instant queuedAt, Instant startedAt, Instant endedAt, Map<String, Step> steps) {
    private static final Set<String> ENDED = Set.of("succeeded", "failed", "not_handled", "cancelled");

    /** One step of the run. */
    record Step(String state, Instant startedAt, Instant endedAt, String log) {
        double millis() {
            return RunRecord.millis(startedAt, endedAt);
        }
    }

    static RunRecord of(JsonNode run) {
        Map<String, Step> steps = new LinkedHashMap<>();
        for (JsonNode step : run.path("steps")) {
            steps.put(step.path("name").asText(), new Step(step.path("state").asText(), instant(step, "started_at"), instant(step, "ended_at"),
                    step.path("log").asText("")));
        }
        return new RunRecord(run.path("id").asText(), run.path("state").asText(), run.path("reason").asText(""), instant(run, "queued_at"),
                instant(run, "started_at"), instant(run, "ended_at"), steps);
    }

    /** The newest run of an object, if it has one yet. */
    static RunRecord latest(LakeClient client, long objectId) {
        LakeClient.Answer answer = client.get("runs?object_id=" + objectId + "&limit=1");
        LakeClient.require(answer.status() == 200, "runs of object " + objectId + " answered " + answer);
        JsonNode items = answer.json().path("items");
        return items.isEmpty() ? null : of(items.get(0));
    }

    /** Polls until the object's run has ended, and requires that it succeeded. */
    static RunRecord awaitEnd(LakeClient client, long objectId, Duration interval, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            RunRecord run = latest(client, objectId);
            if (run != null && run.ended()) {
                LakeClient.require(run.succeeded(), "run " + run.id() + " of object " + objectId + " ended " + run.state() + ": " + run.reason());
                return run;
            }
            LakeClient.require(System.nanoTime() < deadline, "the run of object " + objectId + " did not end within " + timeout
                    + (run == null ? " (no run yet)" : " (state " + run.state() + ")"));
            Thread.sleep(interval.toMillis());
        }
    }

    boolean ended() {
        return ENDED.contains(state);
    }

    boolean succeeded() {
        return "succeeded".equals(state);
    }

    /** The step's record; fails naming the steps there are. */
    Step step(String name) {
        Step step = steps.get(name);
        LakeClient.require(step != null, "run " + id + " has no step " + name + ", only " + steps.keySet());
        return step;
    }

    static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Instant.parse(value.asText()) : null;
    }
}
