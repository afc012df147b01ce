package org.zonelake.core.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One line of the audit log: who did what to what, and how it ended.
 *
 * @param actor the user name, or the name tried at a failed login
 * @param action e.g. {@code login}, {@code user.create}, {@code assignment.grant}
 * @param target what the action applied to, e.g. a user name or {@code alice@project:member}
 * @param outcome {@code success} or {@code failure}
 */
public record AuditEntry(Instant at, String actor, String action, String target, String outcome, String requestId, String detail) {
    public AuditEntry {
        requireNonNull(at, "at is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(action, "action is null");
        target = target == null ? "" : target;
        requireNonNull(outcome, "outcome is null");
        requestId = requestId == null ? "" : requestId;
        detail = detail == null ? "" : detail;
    }
}
