package org.zonelake.metadata;

import static org.zonelake.metadata.BsonValues.date;
import static org.zonelake.metadata.BsonValues.instant;

import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;

/**
 * A {@link PipelineRun} as stored in the {@code runs} collection, its steps as an array of sub-documents. States
 * are stored in lower case. {@code in_backlog} (queued or running) is derived from the state, for the claim and
 * backlog indexes.
 */
final class PipelineRunCodec {
    static final String ID = "id";
    static final String PROJECT = "project";
    static final String OBJECT_ID = "object_id";
    static final String PIPELINE = "pipeline";
    static final String STATE = "state";
    static final String ATTEMPTS = "attempts";
    static final String QUEUED_AT = "queued_at";
    static final String STARTED_AT = "started_at";
    static final String ENDED_AT = "ended_at";
    static final String REASON = "reason";
    static final String STEPS = "steps";
    static final String REDO_FROM_STEP = "redo_from_step";
    static final String CANCEL_REQUESTED = "cancel_requested";
    static final String WORKER = "worker";
    static final String LEASE_UNTIL = "lease_until";
    static final String NOT_BEFORE = "not_before";
    static final String IN_BACKLOG = "in_backlog";

    static final String STEP_NAME = "name";
    static final String STEP_STATE = "state";
    static final String STEP_ATTEMPTS = "attempts";
    static final String STEP_STARTED_AT = "started_at";
    static final String STEP_ENDED_AT = "ended_at";
    static final String STEP_REASON = "reason";
    static final String STEP_LOG = "log";

    private PipelineRunCodec() {}

    /** A queued run without {@code notBefore} is due from its {@code queuedAt}. */
    static Document toBson(PipelineRun run) {
        boolean dueAtQueueing = run.state() == RunState.QUEUED && run.notBefore() == null;
        return new Document(ID, run.id())
                .append(PROJECT, run.project())
                .append(OBJECT_ID, run.objectId())
                .append(PIPELINE, run.pipeline())
                .append(STATE, run.state().wireName())
                .append(ATTEMPTS, run.attempts())
                .append(QUEUED_AT, date(run.queuedAt()))
                .append(STARTED_AT, date(run.startedAt()))
                .append(ENDED_AT, date(run.endedAt()))
                .append(REASON, run.reason())
                .append(STEPS, run.steps().stream().map(PipelineRunCodec::step).toList())
                .append(REDO_FROM_STEP, run.redoFromStep())
                .append(CANCEL_REQUESTED, run.cancelRequested())
                .append(WORKER, run.worker())
                .append(LEASE_UNTIL, date(run.leaseUntil()))
                .append(NOT_BEFORE, date(dueAtQueueing ? run.queuedAt() : run.notBefore()))
                .append(IN_BACKLOG, !run.state().isFinal());
    }

    static PipelineRun fromBson(Document document) {
        return new PipelineRun(
                document.getString(ID),
                document.getString(PROJECT),
                document.get(OBJECT_ID, Number.class).longValue(),
                document.getString(PIPELINE),
                state(document.getString(STATE)),
                document.get(ATTEMPTS, Number.class).intValue(),
                instant(document.getDate(QUEUED_AT)),
                instant(document.getDate(STARTED_AT)),
                instant(document.getDate(ENDED_AT)),
                document.getString(REASON),
                document.getList(STEPS, Document.class, List.of()).stream().map(PipelineRunCodec::step).toList(),
                document.getString(REDO_FROM_STEP),
                document.getBoolean(CANCEL_REQUESTED, false),
                document.getString(WORKER),
                instant(document.getDate(LEASE_UNTIL)),
                instant(document.getDate(NOT_BEFORE)));
    }

    static Document step(StepRun step) {
        return new Document(STEP_NAME, step.name())
                .append(STEP_STATE, step.state().wireName())
                .append(STEP_ATTEMPTS, step.attempts())
                .append(STEP_STARTED_AT, date(step.startedAt()))
                .append(STEP_ENDED_AT, date(step.endedAt()))
                .append(STEP_REASON, step.reason())
                .append(STEP_LOG, step.log());
    }

    static StepRun step(Document document) {
        return new StepRun(
                document.getString(STEP_NAME),
                state(document.getString(STEP_STATE)),
                document.get(STEP_ATTEMPTS, Number.class).intValue(),
                instant(document.getDate(STEP_STARTED_AT)),
                instant(document.getDate(STEP_ENDED_AT)),
                document.getString(STEP_REASON),
                document.getString(STEP_LOG));
    }

    static RunState state(String wireName) {
        return RunState.valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
