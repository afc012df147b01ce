package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;

/**
 * Durability barriers that share commits. A caller needs a commit that starts after its call (its writes are
 * acknowledged before it calls, so such a commit holds them). Callers that arrive while a commit is running wait
 * for it to end, then one of them runs the next commit for all of them: under concurrent uploads, one commit
 * serves many instead of each paying for its own.
 */
final class GroupCommit {
    private final Runnable commit;
    private long requested;
    private long covered;
    private boolean running;

    GroupCommit(Runnable commit) {
        this.commit = requireNonNull(commit, "commit is null");
    }

    /**
     * Returns once a commit that started after this call has ended, or throws the failure of the commit this caller
     * ran. Not interruptible: a caller that gave up could acknowledge a write that is not durable.
     */
    void await() {
        boolean interrupted = false;
        boolean leader;
        synchronized (this) {
            long ticket = ++requested;
            while (covered < ticket && running) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            leader = covered < ticket;
            running |= leader;
        }
        try {
            if (leader) {
                commitForAll();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One commit for every request so far: they all arrived before it starts. On failure, a waiter tries again. */
    private void commitForAll() {
        long upTo;
        synchronized (this) {
            upTo = requested;
        }
        boolean committed = false;
        try {
            commit.run();
            committed = true;
        } finally {
            synchronized (this) {
                running = false;
                if (committed) {
                    covered = Math.max(covered, upTo);
                }
                notifyAll();
            }
        }
    }
}
