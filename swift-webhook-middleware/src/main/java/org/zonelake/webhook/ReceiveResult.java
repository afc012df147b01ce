package org.zonelake.webhook;

import static java.util.Objects.requireNonNull;

import org.zonelake.core.error.ErrorCode;

/**
 * What the receiver did with one delivery. The gateway answers {@code ACCEPTED}, {@code DUPLICATE} and {@code IGNORED}
 * with a 2xx (the filter must not send them again) and {@code REJECTED} with the status of {@code rejection}'s type
 * (UNAUTHENTICATED → 401: bad or missing signature, stale timestamp; USER_ERROR → 400: malformed event). A failure
 * to act on a valid event (metadata zone or Swift unreachable) is thrown as a {@code LakeException} instead, which
 * becomes a 5xx, so that the filter spools the event and delivers it again.
 *
 * @param rejection why the delivery was rejected, {@code null} unless {@code REJECTED}
 * @param detail one sentence for logs and the response body; never a secret
 */
public record ReceiveResult(Outcome outcome, ErrorCode rejection, String detail) {
    /** The four outcomes of a delivery. */
    public enum Outcome { ACCEPTED, DUPLICATE, IGNORED, REJECTED }

    public ReceiveResult {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(detail, "detail is null");
        if ((outcome == Outcome.REJECTED) != (rejection != null)) {
            throw new IllegalArgumentException("A rejection code goes with, and only with, the REJECTED outcome");
        }
    }

    static ReceiveResult accepted(String format, Object... args) {
        return new ReceiveResult(Outcome.ACCEPTED, null, String.format(format, args));
    }

    static ReceiveResult duplicate(SwiftEvent event) {
        return new ReceiveResult(Outcome.DUPLICATE, null, "Already handled: " + event.describe());
    }

    static ReceiveResult ignored(String format, Object... args) {
        return new ReceiveResult(Outcome.IGNORED, null, String.format(format, args));
    }

    static ReceiveResult rejected(ErrorCode code, String detail) {
        return new ReceiveResult(Outcome.REJECTED, requireNonNull(code, "code is null"), detail);
    }
}
