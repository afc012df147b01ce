package org.zonelake.core.identity;

import org.zonelake.core.metadata.Page;

/** Append-only log of logins and administrative actions. */
public interface AuditLog {
    void append(AuditEntry entry);

    /** Newest first. */
    Page<AuditEntry> list(int limit, String cursor);
}
