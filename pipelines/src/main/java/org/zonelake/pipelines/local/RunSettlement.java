package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunState;

/**
 * Ends a run: the operation in the object's document (successful or failed), the upload's state, then the run's
 * final state. The operation is written first and only once per run generation (a redo queues a new one), so a
 * crash between the two writes neither loses nor repeats it.
 */
final class RunSettlement {
    private static final Logger LOG = LoggerFactory.getLogger(RunSettlement.class);

    private final RunnerServices services;

    RunSettlement(RunnerServices services) {
        this.services = requireNonNull(services, "services is null");
    }

    void markProcessing(PipelineRun run) {
        services.uploads().updateStateByObject(run.project(), run.objectId(), UploadState.PROCESSING, null, services.clock().instant());
    }

    void settle(PipelineRun run, String worker, ObjectDocument object, RunState state, String reason) {
        if (object != null) {
            recordOperation(run, object, state, reason);
            services.uploads().updateStateByObject(run.project(), run.objectId(), uploadState(state),
                    state == RunState.SUCCEEDED ? null : reason, services.clock().instant());
        }
        if (services.runs().finish(run.project(), run.id(), worker, state, reason, services.clock().instant())) {
            LOG.info("Run {} of object {} ({}) {}{}", run.id(), run.objectId(), run.pipeline(), state.wireName(),
                    reason.isBlank() ? "" : ": " + reason);
        } else {
            LOG.warn("Run {}: worker {} lost the run before settling it as {}", run.id(), worker, state.wireName());
        }
    }

    private void recordOperation(PipelineRun run, ObjectDocument object, RunState state, String reason) {
        boolean successful = state == RunState.SUCCEEDED;
        if (alreadyRecorded(run, object, successful)) {
            return;
        }
        String detail = state == RunState.SUCCEEDED ? reason : state.wireName() + ": " + reason;
        try {
            services.objects().appendOperation(run.project(), run.objectId(),
                    new Operation(run.pipeline(), services.clock().instant(), detail, run.id()), successful);
        } catch (LakeException e) {
            if (e.code() != ErrorCode.OBJECT_NOT_FOUND) {
                throw e;
            }
        }
    }

    /** An operation of this run at or after its queuing time is this generation's. */
    private static boolean alreadyRecorded(PipelineRun run, ObjectDocument object, boolean successful) {
        var operations = successful ? object.successfulOperations() : object.failedOperations();
        return operations.stream().anyMatch(op -> run.id().equals(op.runId()) && !op.at().isBefore(run.queuedAt()));
    }

    private static UploadState uploadState(RunState state) {
        return switch (state) {
            case SUCCEEDED -> UploadState.PROCESSED;
            case NOT_HANDLED -> UploadState.NOT_HANDLED;
            default -> UploadState.FAILED;
        };
    }
}
