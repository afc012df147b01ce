package org.zonelake.ingest.admin;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.zonelake.core.identity.AuditLog;
import org.zonelake.ingest.ItemsPage;
import org.zonelake.ingest.QueryParams;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.http.Access;

/** The audit log, newest first, at /api/v1/admin/audit, for platform admins. */
public final class AuditRoutes implements Routes {
    private final AuditLog log;
    private final Access access;

    public AuditRoutes(AuditLog log, Access access) {
        this.log = requireNonNull(log, "log is null");
        this.access = requireNonNull(access, "access is null");
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/v1/admin/audit", this::list);
    }

    private void list(Context ctx) {
        access.platformAdmin(ctx);
        ctx.json(ItemsPage.of(log.list(QueryParams.limit(ctx), QueryParams.cursor(ctx))));
    }
}
