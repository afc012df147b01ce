package org.zonelake.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.process.PipelineTrigger;
import org.zonelake.core.raw.ForeignObjects;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.ingest.service.ContentTypeDetector;
import org.zonelake.metadata.MetadataStore;
import org.zonelake.webhook.ContentTypeResolver;
import org.zonelake.webhook.MongoSeenEvents;
import org.zonelake.webhook.ReceiverCounters;
import org.zonelake.webhook.SwiftEventReceiver;
import org.zonelake.webhook.SwiftEventsConfig;

/** The receiver of the Swift proxy filter's events, when configuration asks for one (distributed mode). */
final class SwiftEvents {
    private SwiftEvents() {
    }

    static Optional<SwiftEventReceiver> receiver(Optional<SwiftEventsConfig> config, ObjectStore objectStore, ObjectRepository objects,
                                                 PipelineTrigger trigger, MetadataStore store, ContentTypeDetector detector, Clock clock) {
        return config.map(settings -> {
            if (!(objectStore instanceof ForeignObjects foreignObjects)) {
                throw new IllegalStateException("Swift events need the Swift raw zone, not " + objectStore.getClass().getSimpleName());
            }
            // Seen events are kept in the metadata zone, so that a restart does not hand the same event over twice.
            return new SwiftEventReceiver(settings, objects, objectStore, foreignObjects, trigger,
                    new MongoSeenEvents(store, settings.seenRetention(), clock), detectedLikeUploads(objectStore, detector), clock);
        });
    }

    /** {@code zonelake_swift_events_total{outcome}}: what the receiver did with the filter's deliveries. */
    static void exportCounters(SwiftEventReceiver receiver, MeterRegistry metrics) {
        Map<String, ToLongFunction<ReceiverCounters>> outcomes = Map.of("accepted", ReceiverCounters::accepted,
                "duplicate", ReceiverCounters::duplicate, "ignored", ReceiverCounters::ignored, "rejected", ReceiverCounters::rejected,
                "failed", ReceiverCounters::failed, "adopted", ReceiverCounters::adopted, "bytes_missing", ReceiverCounters::bytesMissing);
        outcomes.forEach((outcome, count) -> FunctionCounter.builder("zonelake.swift.events", receiver, r -> count.applyAsLong(r.counters()))
                .description("Deliveries of the Swift proxy filter, by what the receiver did with them")
                .tag("outcome", outcome)
                .register(metrics));
    }

    /** Adopted objects get the type their writer declared, else that of their name's extension, else Tika's on their first bytes. */
    private static ContentTypeResolver detectedLikeUploads(ObjectStore objectStore, ContentTypeDetector detector) {
        ContentTypeResolver declaredOrByName = ContentTypeResolver.declaredOrByName();
        return (stored, name, declared) -> {
            String resolved = declaredOrByName.contentType(stored, name, declared);
            if (!resolved.equals(ContentTypeResolver.OCTET_STREAM)) {
                return resolved;
            }
            try (InputStream in = objectStore.open(stored); BufferedInputStream peekable = ContentTypeDetector.peekable(in)) {
                return detector.detect(peekable, name);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the adopted object " + stored + " to detect its type", e);
            }
        };
    }
}
