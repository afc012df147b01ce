package org.zonelake.ingest.admin;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.AuditEntry;
import org.zonelake.core.identity.AuditLog;
import org.zonelake.ingest.http.Authentication;
import org.zonelake.ingest.http.RequestIds;

/**
 * Writes logins and administrative actions to the audit log, with the request id, whether they succeeded or failed.
 * A failure to write the audit entry is logged but does not fail the request: the action has already taken effect,
 * and an error answer would make the client retry something that happened.
 */
public final class AuditTrail {
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final int MAX_TEXT = 200;

    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = requireNonNull(log, "log is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Runs an action of the authenticated caller and records it: {@code success}, or {@code failure} with the problem
     * code as detail (including refusals, so attempts by non-admins are on record too).
     */
    public <T> T audited(Context ctx, String action, String target, Supplier<T> work) {
        String actor = actorOf(ctx);
        T result;
        try {
            result = work.get();
        } catch (LakeException e) {
            record(ctx, actor, action, target, FAILURE, e.code().wireName());
            throw e;
        } catch (RuntimeException e) {
            record(ctx, actor, action, target, FAILURE, "internal");
            throw e;
        }
        record(ctx, actor, action, target, SUCCESS, "");
        return result;
    }

    /** Runs an action that answers nothing and records it as {@link #audited(Context, String, String, Supplier)} does. */
    public void audited(Context ctx, String action, String target, Runnable work) {
        audited(ctx, action, target, () -> {
            work.run();
            return null;
        });
    }

    /** Appends one entry; {@code actor} is whatever name was given, even at a failed login (never a password). */
    public void record(Context ctx, String actor, String action, String target, String outcome, String detail) {
        AuditEntry entry = new AuditEntry(clock.instant(), bounded(actor), action, bounded(target), outcome, RequestIds.of(ctx), detail);
        try {
            log.append(entry);
        } catch (RuntimeException e) {
            LOG.error("Could not write the audit entry {} {} of {} ({}) to the audit log", action, target, actor, outcome, e);
        }
    }

    private static String actorOf(Context ctx) {
        return Authentication.principal(ctx).username();
    }

    /** Names tried at a failed login come from anyone: keep what is stored short. */
    private static String bounded(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
