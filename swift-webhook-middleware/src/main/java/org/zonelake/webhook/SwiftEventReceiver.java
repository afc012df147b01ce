package org.zonelake.webhook;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.process.PipelineTrigger;
import org.zonelake.core.raw.ForeignObjects;
import org.zonelake.core.raw.ObjectStore;

/**
 * Receives the events of the Swift proxy filter ({@code POST /api/v1/swift/events}, routed by the gateway): checks
 * the signature and the replay window, drops duplicates, and acts on the object's project. A written lake object
 * is handed to the process zone once its document is STORED; an object written straight into Swift is adopted
 * (see {@link ForeignObjectAdopter}) and then handed over. The pipeline never starts before the document exists.
 * Framework-free: the gateway passes the two headers and the body and maps the {@link ReceiveResult} to HTTP.
 */
public final class SwiftEventReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(SwiftEventReceiver.class);
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");

    private final SwiftEventsConfig config;
    private final ForeignObjects foreignObjects;
    private final SeenEvents seen;
    private final SwiftEventHandler handler;
    private final Clock clock;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicate = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public SwiftEventReceiver(SwiftEventsConfig config, ObjectRepository objects, ObjectStore objectStore, ForeignObjects foreignObjects,
                              PipelineTrigger trigger, SeenEvents seen, ContentTypeResolver contentTypes, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.foreignObjects = requireNonNull(foreignObjects, "foreignObjects is null");
        this.seen = requireNonNull(seen, "seen is null");
        this.clock = requireNonNull(clock, "clock is null");
        ForeignObjectAdopter adopter = new ForeignObjectAdopter(objects, objectStore, foreignObjects, contentTypes, config.uploader(), clock);
        this.handler = new SwiftEventHandler(objects, objectStore, foreignObjects, trigger, adopter, clock);
    }

    /**
     * Handles one delivery: the {@code X-Zonelake-Timestamp} and {@code X-Zonelake-Signature} header values (null if
     * absent) and the body. Throws {@code LakeException} (METADATA_FAILURE, STORAGE_FAILURE, ...) when a valid event
     * cannot be acted on now; the filter then delivers it again.
     */
    public ReceiveResult receive(String timestampHeader, String signatureHeader, byte[] body) {
        ReceiveResult result;
        try {
            result = process(timestampHeader, signatureHeader, body);
        } catch (RuntimeException e) {
            failed.increment();
            throw e;
        }
        count(result);
        return result;
    }

    /** Deliveries by outcome since start, for the gateway's {@code /metrics}. */
    public ReceiverCounters counters() {
        return new ReceiverCounters(accepted.sum(), duplicate.sum(), ignored.sum(), rejected.sum(), failed.sum(), handler.adopted.sum(),
                handler.bytesMissing.sum());
    }

    private ReceiveResult process(String timestampHeader, String signatureHeader, byte[] body) {
        Optional<ReceiveResult> stale = checkTimestamp(timestampHeader);
        if (stale.isPresent()) {
            return stale.get();
        }
        SwiftEvent event;
        try {
            event = SwiftEventJson.parse(body);
        } catch (LakeException e) {
            return ReceiveResult.rejected(e.code(), e.getMessage());
        }
        if (!EventSignature.matches(config.key(), timestampHeader.trim(), event, signatureHeader)) {
            return ReceiveResult.rejected(ErrorCode.INVALID_CREDENTIALS, "The Swift event's signature does not match");
        }
        if (!seen.markSeen(event.eventId())) {
            return ReceiveResult.duplicate(event);
        }
        try {
            return route(event);
        } catch (RuntimeException e) {
            forget(event, e);
            throw e;
        }
    }

    private Optional<ReceiveResult> checkTimestamp(String header) {
        if (header == null || !SECONDS.matcher(header.trim()).matches()) {
            return Optional.of(ReceiveResult.rejected(ErrorCode.NOT_AUTHENTICATED,
                    "The Swift event has no valid " + EventSignature.TIMESTAMP_HEADER + " header"));
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(header.trim())), clock.instant()).abs();
        if (skew.compareTo(config.replayWindow()) > 0) {
            return Optional.of(ReceiveResult.rejected(ErrorCode.INVALID_CREDENTIALS, String.format(
                    "The Swift event was signed %ds away from now, outside the replay window of %ds", skew.toSeconds(),
                    config.replayWindow().toSeconds())));
        }
        return Optional.empty();
    }

    private ReceiveResult route(SwiftEvent event) {
        if (!config.account().isEmpty() && !config.account().equals(event.account())) {
            return ReceiveResult.ignored("%s: account %s is not the lake's", event.describe(), event.account());
        }
        Optional<String> project = foreignObjects.projectOfContainer(event.container());
        if (project.isEmpty()) {
            return ReceiveResult.ignored("%s: container %s is not a project's", event.describe(), event.container());
        }
        MDC.put("project", project.get());
        try {
            return handler.handle(project.get(), event);
        } finally {
            MDC.remove("project");
        }
    }

    private void forget(SwiftEvent event, RuntimeException cause) {
        try {
            seen.forget(event.eventId());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        LOG.warn("Could not act on Swift event {} now; the filter delivers it again", event.describe(), cause);
    }

    private void count(ReceiveResult result) {
        switch (result.outcome()) {
            case ACCEPTED -> accepted.increment();
            case DUPLICATE -> duplicate.increment();
            case IGNORED -> ignored.increment();
            case REJECTED -> {
                rejected.increment();
                LOG.warn("Rejected a Swift event: {}", result.detail());
            }
        }
        if (result.outcome() != ReceiveResult.Outcome.REJECTED) {
            LOG.debug("Swift event {}: {}", result.outcome(), result.detail());
        }
    }
}
