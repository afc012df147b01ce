package org.zonelake.metadata;

import static org.zonelake.metadata.PipelineRunCodec.CANCEL_REQUESTED;
import static org.zonelake.metadata.PipelineRunCodec.ENDED_AT;
import static org.zonelake.metadata.PipelineRunCodec.ID;
import static org.zonelake.metadata.PipelineRunCodec.IN_BACKLOG;
import static org.zonelake.metadata.PipelineRunCodec.LEASE_UNTIL;
import static org.zonelake.metadata.PipelineRunCodec.NOT_BEFORE;
import static org.zonelake.metadata.PipelineRunCodec.QUEUED_AT;
import static org.zonelake.metadata.PipelineRunCodec.PROJECT;
import static org.zonelake.metadata.PipelineRunCodec.REASON;
import static org.zonelake.metadata.PipelineRunCodec.REDO_FROM_STEP;
import static org.zonelake.metadata.PipelineRunCodec.STARTED_AT;
import static org.zonelake.metadata.PipelineRunCodec.STATE;
import static org.zonelake.metadata.PipelineRunCodec.STEPS;
import static org.zonelake.metadata.PipelineRunCodec.STEP_ENDED_AT;
import static org.zonelake.metadata.PipelineRunCodec.STEP_LOG;
import static org.zonelake.metadata.PipelineRunCodec.STEP_NAME;
import static org.zonelake.metadata.PipelineRunCodec.STEP_REASON;
import static org.zonelake.metadata.PipelineRunCodec.STEP_STARTED_AT;
import static org.zonelake.metadata.PipelineRunCodec.STEP_STATE;
import static org.zonelake.metadata.PipelineRunCodec.WORKER;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.process.RunState;

/**
 * The update that re-queues a final run, whole or from one step, computed from the run as read, and the condition
 * under which it still applies: the run is final and its steps are the ones read (their number, and the step
 * redone at its position). Steps are reset by position, so the update is one {@code $set} and stays atomic.
 */
record RunRedo(Bson condition, Bson update) {
    private static final List<String> FINAL_STATES = Arrays.stream(RunState.values()).filter(RunState::isFinal).map(RunState::wireName).toList();

    static RunRedo of(Document run, String fromStep, Instant now) {
        List<String> names = run.getList(STEPS, Document.class, List.of()).stream().map(step -> step.getString(STEP_NAME)).toList();
        int from = fromStep == null ? 0 : names.indexOf(fromStep);
        if (from < 0) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "Cannot redo run %s of project %s from step %s: its steps are %s",
                    run.getString(ID), run.getString(PROJECT), fromStep, names);
        }
        List<Bson> conditions = new ArrayList<>(List.of(Filters.in(STATE, FINAL_STATES), Filters.size(STEPS, names.size())));
        if (fromStep != null) {
            conditions.add(Filters.eq(STEPS + "." + from + "." + STEP_NAME, fromStep));
        }
        List<Bson> updates = new ArrayList<>(runUpdates(fromStep, now));
        for (int position = from; position < names.size(); position++) {
            updates.addAll(stepReset(STEPS + "." + position + "."));
        }
        return new RunRedo(Filters.and(conditions), Updates.combine(updates));
    }

    /** Back to the queue, due at once, as a run that has not started. */
    private static List<Bson> runUpdates(String fromStep, Instant now) {
        return List.of(
                Updates.set(STATE, RunState.QUEUED.wireName()),
                // A redo is a new generation of the run: it is queued now, and listed as such.
                Updates.set(QUEUED_AT, Date.from(now)),
                Updates.set(NOT_BEFORE, Date.from(now)),
                Updates.set(REDO_FROM_STEP, fromStep),
                Updates.set(CANCEL_REQUESTED, false),
                Updates.set(IN_BACKLOG, true),
                Updates.set(STARTED_AT, null),
                Updates.set(ENDED_AT, null),
                Updates.set(REASON, ""),
                Updates.set(WORKER, null),
                Updates.set(LEASE_UNTIL, null));
    }

    /** A step that will run again: queued, without times, reason or log; its attempts count on. */
    private static List<Bson> stepReset(String prefix) {
        return List.of(
                Updates.set(prefix + STEP_STATE, RunState.QUEUED.wireName()),
                Updates.set(prefix + STEP_STARTED_AT, null),
                Updates.set(prefix + STEP_ENDED_AT, null),
                Updates.set(prefix + STEP_REASON, ""),
                Updates.set(prefix + STEP_LOG, ""));
    }
}
