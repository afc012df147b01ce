package org.zonelake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zonelake.webhook.SwiftHttp.sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.raw.ForeignObject;
import org.zonelake.core.raw.ForeignObjects;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.StoredBlob;
import org.zonelake.core.testing.ItEnvironment;
import org.zonelake.metadata.EmbeddedMetadataStores;
import org.zonelake.metadata.MongoObjectRepository;
import org.zonelake.raw.swift.SwiftConfig;
import org.zonelake.raw.swift.SwiftObjectStore;

/**
 * End to end in distributed mode: a client writes straight into a project's container through the real tempauth
 * proxy, the installed filter posts the event to 127.0.0.1:58180, the receiver checks it and adopts the object with
 * the real Swift raw zone ({@link SwiftObjectStore}) into an embedded metadata zone, and hands it over once. The
 * containers carry a prefix of this run only, so that the receiver never touches another test's objects.
 */
class SwiftEventReceiverIT {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();
    private static final String PREFIX = "whit" + HexFormat.of().toHexDigits((int) System.nanoTime()) + "_";
    private static final String PROJECT = "demo";
    private static final String CONTAINER = PREFIX + PROJECT;
    private static final String SEGMENTS = CONTAINER + "_segments";

    private static SwiftHttp swift;
    private static SwiftObjectStore rawZone;
    private static String secret;
    private final RecordingTrigger trigger = new RecordingTrigger();
    private MongoObjectRepository objects;
    private EventSink sink;

    @BeforeAll
    static void connect() throws IOException {
        secret = SwiftEventsConfig.readSecret(Path.of(ItEnvironment.require("ZONELAKE_IT_SWIFT_WEBHOOK_SECRET_FILE", SwiftHttp.HOW)));
        swift = SwiftHttp.login();
        rawZone = new SwiftObjectStore(SwiftConfig.tempAuth(System.getenv("ZONELAKE_IT_SWIFT_TEMPAUTH_URL"),
                System.getenv("ZONELAKE_IT_SWIFT_TEMPAUTH_USER"), System.getenv("ZONELAKE_IT_SWIFT_TEMPAUTH_KEY")).withContainerPrefix(PREFIX));
        swift.send("PUT", "/" + CONTAINER, null, null);
        swift.send("PUT", "/" + SEGMENTS, null, null);
    }

    @BeforeEach
    void startTheReceiver() throws IOException {
        objects = new MongoObjectRepository(STORES.freshStore());
        SwiftEventReceiver receiver = new SwiftEventReceiver(SwiftEventsConfig.withSecret(secret), objects, rawZone, onlyThisRun(rawZone),
                trigger, new InMemorySeenEvents(10_000), ContentTypeResolver.declaredOrByName(), Clock.systemUTC());
        sink = new EventSink(secret.getBytes(StandardCharsets.UTF_8), receiver);
    }

    @AfterEach
    void stopTheReceiver() throws IOException {
        sink.close();
        try (var stored = rawZone.list(PROJECT)) {
            stored.forEach(blob -> rawZone.delete(blob.key()));
        }
    }

    @AfterAll
    static void removeTheContainers() throws IOException {
        if (swift != null) {
            for (int i = 0; i < 3; i++) {
                swift.call("DELETE", "/" + SEGMENTS + "/large.bin/" + i, null, null);
            }
            swift.call("DELETE", "/" + CONTAINER, null, null);
            swift.call("DELETE", "/" + SEGMENTS, null, null);
            rawZone.close();
        }
    }

    @Test
    void anObjectUploadedStraightIntoSwiftBecomesALakeObjectAndReachesTheProcessZone() throws Exception {
        String content = "station,temperature\nnorth,4.5\nsouth,7.25\n";
        swift.send("PUT", "/" + CONTAINER + "/field/readings.csv", content, "text/csv");

        ObjectDocument adopted = awaitAdoption();

        assertThat(adopted.status()).isEqualTo(ObjectStatus.STORED);
        assertThat(adopted.originalObjectName()).isEqualTo("field/readings.csv");
        assertThat(adopted.uploader()).isEqualTo("swift");
        assertThat(adopted.contentType()).isEqualTo("text/csv");
        assertThat(adopted.size()).isEqualTo(content.length());
        assertThat(adopted.sha256()).isEqualTo(sha256(content));
        assertThat(read(new ObjectKey(PROJECT, adopted.storageName()))).isEqualTo(content);
        assertThat(rawZone.stat(PROJECT, "field/readings.csv")).isEmpty();
    }

    @Test
    void aLargeObjectUploadedInSegmentsIsAdoptedOnceWithAllItsBytes() throws Exception {
        swift.send("PUT", "/" + CONTAINER + "/large.bin?multipart-manifest=put", swift.uploadSegments(SEGMENTS, "large.bin", 3),
                "application/octet-stream");

        ObjectDocument adopted = awaitAdoption();
        String whole = SwiftHttp.segment(0) + SwiftHttp.segment(1) + SwiftHttp.segment(2);

        assertThat(adopted.size()).isEqualTo(whole.length());
        assertThat(adopted.sha256()).isEqualTo(sha256(whole));
        assertThat(read(new ObjectKey(PROJECT, adopted.storageName()))).isEqualTo(whole);
        assertThat(objects.findStale(ObjectStatus.STORED, Instant.now().plusSeconds(1), 10)).hasSize(1);
    }

    /** The one object handed over (the trigger may hear of it twice: the adoption's own copy is an event too). */
    private ObjectDocument awaitAdoption() throws InterruptedException {
        List<Long> ids = trigger.awaitAny(SwiftWebhookIT.WAIT).stream().map(ObjectStoredEvent::objectId).distinct().toList();
        assertThat(ids).as("objects handed to the process zone").hasSize(1);
        return objects.find(PROJECT, ids.get(0)).orElseThrow();
    }

    private static String read(ObjectKey key) throws IOException {
        try (InputStream in = rawZone.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The raw zone's view of foreign objects, limited to this run's containers. */
    private static ForeignObjects onlyThisRun(SwiftObjectStore store) {
        return new ForeignObjects() {
            @Override
            public Optional<String> projectOfContainer(String container) {
                return container.equals(CONTAINER) ? store.projectOfContainer(container) : Optional.empty();
            }

            @Override
            public Optional<ForeignObject> stat(String project, String name) {
                return store.stat(project, name);
            }

            @Override
            public StoredBlob adopt(String project, String name, ObjectKey target) {
                return store.adopt(project, name, target);
            }
        };
    }
}
