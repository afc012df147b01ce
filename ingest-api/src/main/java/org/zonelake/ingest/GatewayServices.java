package org.zonelake.ingest;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.zonelake.core.config.LimitsConfig;
import org.zonelake.core.identity.AuditLog;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.metadata.UploadRepository;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.ingest.service.IngestService;

/**
 * What the gateway's endpoints are built from; the composition root (lake-server) wires the adapters.
 *
 * @param uploadStaging directory where resumable uploads collect their bytes until complete
 * @param metadataDurability the metadata zone's durability barrier, run before acknowledging a write
 * @param process runs, routing tables and the gold zones served by the process zone's endpoints
 */
public record GatewayServices(
        IdentityProvider identity,
        AuditLog audit,
        ObjectStore objectStore,
        ObjectRepository objects,
        TemplateRepository templates,
        UploadRepository uploads,
        IngestService ingest,
        Runnable metadataDurability,
        Path uploadStaging,
        LimitsConfig limits,
        PrometheusMeterRegistry metrics,
        List<HealthCheck> healthChecks,
        Clock clock,
        ProcessServices process) {

    public GatewayServices {
        requireNonNull(identity, "identity is null");
        requireNonNull(audit, "audit is null");
        requireNonNull(objectStore, "objectStore is null");
        requireNonNull(objects, "objects is null");
        requireNonNull(templates, "templates is null");
        requireNonNull(uploads, "uploads is null");
        requireNonNull(ingest, "ingest is null");
        requireNonNull(metadataDurability, "metadataDurability is null");
        requireNonNull(uploadStaging, "uploadStaging is null");
        requireNonNull(limits, "limits is null");
        requireNonNull(metrics, "metrics is null");
        healthChecks = List.copyOf(healthChecks);
        requireNonNull(clock, "clock is null");
        requireNonNull(process, "process is null");
    }

    /** Without a process zone: its endpoints answer {@code gold_zone_unavailable} (see {@link ProcessServices#unconfigured()}). */
    public GatewayServices(IdentityProvider identity, AuditLog audit, ObjectStore objectStore, ObjectRepository objects,
                           TemplateRepository templates, UploadRepository uploads, IngestService ingest, Runnable metadataDurability,
                           Path uploadStaging, LimitsConfig limits, PrometheusMeterRegistry metrics, List<HealthCheck> healthChecks,
                           Clock clock) {
        this(identity, audit, objectStore, objects, templates, uploads, ingest, metadataDurability, uploadStaging, limits, metrics,
                healthChecks, clock, ProcessServices.unconfigured());
    }
}
