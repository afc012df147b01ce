package org.zonelake.pipelines;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;
import org.zonelake.core.error.ErrorType;
import org.zonelake.core.error.LakeException;

/**
 * What a step made of an object: done (with a short summary, e.g. "1,204 rows into table x"), not its kind of
 * object, or a definite failure (bad data), with the reason.
 */
public record StepResult(Outcome outcome, String reason) {
    public enum Outcome {
        SUCCEEDED,
        NOT_HANDLED,
        FAILED
    }

    private static final StepResult SUCCEEDED = new StepResult(Outcome.SUCCEEDED, "");

    public StepResult {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(reason, "reason is null");
        if (outcome != Outcome.SUCCEEDED && reason.isBlank()) {
            throw new IllegalArgumentException("A " + outcome + " step result needs a reason");
        }
    }

    public static StepResult succeeded() {
        return SUCCEEDED;
    }

    /** Success with a summary of what was written. */
    public static StepResult succeeded(String summary) {
        return new StepResult(Outcome.SUCCEEDED, summary);
    }

    public static StepResult notHandled(String reason) {
        return new StepResult(Outcome.NOT_HANDLED, reason);
    }

    public static StepResult failed(String reason) {
        return new StepResult(Outcome.FAILED, reason);
    }

    /**
     * Runs {@code work}, turning a {@link LakeException} of the user-error type (bad data, found by the step or by a
     * gold store) into a failed result with its message; any other exception passes, to be retried.
     */
    public static StepResult failingOnBadData(Callable<StepResult> work) throws Exception {
        try {
            return work.call();
        } catch (LakeException e) {
            if (isBadData(e)) {
                return failed(e.getMessage());
            }
            throw e;
        }
    }

    /** Whether a failure is the data's fault, so that trying again cannot help. */
    public static boolean isBadData(Throwable failure) {
        return failure instanceof LakeException lake && lake.code().type() == ErrorType.USER_ERROR;
    }

    public boolean isSuccess() {
        return outcome == Outcome.SUCCEEDED;
    }
}
