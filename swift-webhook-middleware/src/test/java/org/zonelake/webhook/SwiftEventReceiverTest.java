package org.zonelake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zonelake.webhook.Deliveries.SECRET;
import static org.zonelake.webhook.Deliveries.event;
import static org.zonelake.webhook.Deliveries.signed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.ErrorType;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.StoredBlob;
import org.zonelake.core.testing.MutableClock;
import org.zonelake.metadata.EmbeddedMetadataStores;
import org.zonelake.metadata.MongoObjectRepository;
import org.zonelake.webhook.Deliveries.Delivery;
import org.zonelake.webhook.ReceiveResult.Outcome;

class SwiftEventReceiverTest {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();
    private static final String PROJECT = "demo";
    private static final String CONTAINER = "zonelake_demo";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T12:00:00Z"));
    private final FakeSwiftStorage swift = new FakeSwiftStorage();
    private final RecordingTrigger trigger = new RecordingTrigger();
    private FlakyObjectRepository objects;
    private SwiftEventReceiver receiver;

    @BeforeEach
    void start() {
        objects = new FlakyObjectRepository(new MongoObjectRepository(STORES.freshStore()));
        receiver = receiver(SwiftEventsConfig.withSecret(SECRET));
    }

    @Test
    void handsAStoredLakeObjectToTheProcessZone() {
        ObjectDocument stored = storedByTheGateway("a,b\n1,2\n");

        ReceiveResult result = deliver(event("PUT", CONTAINER, stored.storageName(), "text/csv"));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(trigger.events).extracting(ObjectStoredEvent::objectId).containsExactly(stored.id());
        assertThat(objects.find(PROJECT, stored.id()).orElseThrow().triggeredAt()).isEqualTo(clock.instant());
    }

    @Test
    void leavesAPendingLakeObjectToItsWriter() {
        long id = objects.allocateId(PROJECT);
        objects.insert(ObjectDocument.pending(PROJECT, id, Long.toString(id), "upload.csv", "alice", null, null, null, null, Map.of(),
                clock.instant()));

        ReceiveResult result = deliver(event("PUT", CONTAINER, Long.toString(id), "text/csv"));

        assertThat(result.outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(trigger.events).isEmpty();
    }

    @Test
    void adoptsAnObjectWrittenStraightIntoSwiftAndHandsItOver() {
        swift.putForeign(PROJECT, "field/readings.csv", "t,v\n1,2\n", "text/csv");

        ReceiveResult result = deliver(event("PUT", CONTAINER, "field/readings.csv", "text/csv; charset=utf-8"));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        ObjectStoredEvent handedOver = trigger.events.get(0);
        ObjectDocument adopted = objects.find(PROJECT, handedOver.objectId()).orElseThrow();
        assertThat(adopted.status()).isEqualTo(ObjectStatus.STORED);
        assertThat(adopted.originalObjectName()).isEqualTo("field/readings.csv");
        assertThat(adopted.uploader()).isEqualTo("swift");
        assertThat(adopted.contentType()).isEqualTo("text/csv");
        assertThat(adopted.size()).isEqualTo(8);
        assertThat(adopted.sha256()).isEqualTo(FakeSwiftStorage.sha256("t,v\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(adopted.storageName()).isEqualTo(Long.toString(adopted.id()));
        assertThat(swift.content(PROJECT, adopted.storageName())).isEqualTo("t,v\n1,2\n");
        assertThat(swift.contains(PROJECT, "field/readings.csv")).isFalse();
        assertThat(receiver.counters().adopted()).isEqualTo(1);
    }

    @Test
    void typesAnAdoptedObjectByItsNameWhenItsWriterDeclaredNothingUseful() {
        swift.putForeign(PROJECT, "photo.JPG", "not really a jpeg", null);

        deliver(event("COPY", CONTAINER, "photo.JPG", "application/octet-stream"));

        assertThat(trigger.events).extracting(ObjectStoredEvent::contentType).containsExactly("image/jpeg");
    }

    @Test
    void recognisesARedeliveredEventAsADuplicate() {
        swift.putForeign(PROJECT, "once.json", "{}", "application/json");
        SwiftEvent event = event("PUT", CONTAINER, "once.json", "application/json");

        assertThat(deliver(event).outcome()).isEqualTo(Outcome.ACCEPTED);
        clock.advance(Duration.ofSeconds(30));
        assertThat(deliver(event).outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(trigger.events).hasSize(1);
    }

    @Test
    void rejectsABadSignatureAsUnauthenticated() {
        swift.putForeign(PROJECT, "x.csv", "a", "text/csv");
        Delivery delivery = signed(event("PUT", CONTAINER, "x.csv", "text/csv"), clock.instant());
        Delivery forged = delivery.withBody(new String(delivery.body(), StandardCharsets.UTF_8).replace("x.csv", "y.csv"));

        ReceiveResult result = receiver.receive(forged.timestamp(), forged.signature(), forged.body());

        assertRejected(result, ErrorType.UNAUTHENTICATED);
        assertThat(swift.contains(PROJECT, "x.csv")).isTrue();
    }

    @Test
    void rejectsMissingHeadersAsUnauthenticated() {
        Delivery delivery = signed(event("PUT", CONTAINER, "x.csv", "text/csv"), clock.instant());

        assertRejected(receiver.receive(null, delivery.signature(), delivery.body()), ErrorType.UNAUTHENTICATED);
        assertRejected(receiver.receive("soon", delivery.signature(), delivery.body()), ErrorType.UNAUTHENTICATED);
        assertRejected(receiver.receive(delivery.timestamp(), null, delivery.body()), ErrorType.UNAUTHENTICATED);
    }

    @Test
    void rejectsADeliverySignedOutsideTheReplayWindowEitherSide() {
        SwiftEvent event = event("DELETE", CONTAINER, "x.csv", "");
        Delivery old = signed(event, clock.instant().minusSeconds(301));
        Delivery future = signed(event, clock.instant().plusSeconds(301));
        Delivery edge = signed(event, clock.instant().minusSeconds(300));

        assertRejected(receiver.receive(old.timestamp(), old.signature(), old.body()), ErrorType.UNAUTHENTICATED);
        assertRejected(receiver.receive(future.timestamp(), future.signature(), future.body()), ErrorType.UNAUTHENTICATED);
        assertThat(receiver.receive(edge.timestamp(), edge.signature(), edge.body()).outcome()).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void rejectsAMalformedEventAsAUserError() {
        Delivery delivery = signed(event("PUT", CONTAINER, "x.csv", "text/csv"), clock.instant());

        assertRejected(receiver.receive(delivery.timestamp(), delivery.signature(), "{not json".getBytes(StandardCharsets.UTF_8)),
                ErrorType.USER_ERROR);
        assertRejected(receiver.receive(delivery.timestamp(), delivery.signature(), "{}".getBytes(StandardCharsets.UTF_8)),
                ErrorType.USER_ERROR);
    }

    @Test
    void ignoresContainersThatAreNotProjectsAndOtherAccountsWhenOneIsConfigured() {
        swift.putForeign(PROJECT, "x.csv", "a", "text/csv");
        receiver = receiver(new SwiftEventsConfig(SECRET, Duration.ofMinutes(5), "swift", "AUTH_lake", 10, Duration.ofDays(1)));
        SwiftEvent otherAccount = new SwiftEvent("AUTH_other", CONTAINER, "x.csv", "PUT", "", 1, "", "1.00000", "tx-other");

        assertThat(deliver(event("PUT", "backups", "x.csv", "text/csv")).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(deliver(event("PUT", "zonelake_demo_segments", "x.csv/1", "")).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(deliver(otherAccount).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(swift.contains(PROJECT, "x.csv")).isTrue();
    }

    @Test
    void doesNotAdoptOnAMetadataChangeOrAnObjectTheLakeWroteWithoutADocument() {
        swift.putForeign(PROJECT, "x.csv", "a", "text/csv");
        swift.put(new ObjectKey(PROJECT, "77"), new ByteArrayInputStream(new byte[] {1}));

        assertThat(deliver(event("POST", CONTAINER, "x.csv", "text/csv")).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(deliver(event("PUT", CONTAINER, "77", "")).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(swift.contains(PROJECT, "x.csv")).isTrue();
        assertThat(trigger.events).isEmpty();
    }

    @Test
    void aFailedAdoptionWhileTheForeignObjectStillExistsLeavesNothingAndItsRedeliveryAdopts() {
        swift.putForeign(PROJECT, "retry.csv", "a,b\n", "text/csv");
        swift.adoptionFailure = FakeSwiftStorage.AdoptionFailure.BEFORE_COPY;
        SwiftEvent event = event("PUT", CONTAINER, "retry.csv", "text/csv");

        assertThatThrownBy(() -> deliver(event)).isInstanceOfSatisfying(LakeException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE));
        assertThat(objects.findStale(ObjectStatus.PENDING, clock.instant().plusSeconds(1), 10)).isEmpty();
        assertThat(swift.contains(PROJECT, "retry.csv")).isTrue();

        swift.adoptionFailure = FakeSwiftStorage.AdoptionFailure.NONE;
        assertThat(deliver(event).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(trigger.events).hasSize(1);
        assertThat(receiver.counters().failed()).isEqualTo(1);
    }

    @Test
    void anAdoptionInterruptedAfterTheBytesMovedKeepsThemAndItsRedeliveryFinishesIt() {
        swift.putForeign(PROJECT, "moved.csv", "a,b\n", "text/csv");
        objects.failNextMarkStored = true;
        SwiftEvent event = event("PUT", CONTAINER, "moved.csv", "text/csv");

        assertThatThrownBy(() -> deliver(event)).isInstanceOf(LakeException.class);
        ObjectDocument pending = objects.findStale(ObjectStatus.PENDING, clock.instant().plusSeconds(1), 10).get(0);
        assertThat(swift.content(PROJECT, pending.storageName())).isEqualTo("a,b\n");

        clock.advance(Duration.ofSeconds(5));
        assertThat(deliver(event).outcome()).isEqualTo(Outcome.ACCEPTED);
        ObjectDocument stored = objects.find(PROJECT, pending.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ObjectStatus.STORED);
        assertThat(stored.contentType()).isEqualTo("text/csv");
        assertThat(trigger.events).extracting(ObjectStoredEvent::objectId).containsExactly(pending.id());
    }

    @Test
    void anAdoptionThatFailsAfterRemovingTheForeignNameIsFinishedByItsRedelivery() {
        swift.putForeign(PROJECT, "late.csv", "x\n", "text/csv");
        swift.adoptionFailure = FakeSwiftStorage.AdoptionFailure.AFTER_FOREIGN_REMOVED;
        SwiftEvent event = event("PUT", CONTAINER, "late.csv", "text/csv");

        assertThatThrownBy(() -> deliver(event)).isInstanceOf(LakeException.class);
        swift.adoptionFailure = FakeSwiftStorage.AdoptionFailure.NONE;

        assertThat(deliver(event).outcome()).isEqualTo(Outcome.ACCEPTED);
        ObjectDocument stored = objects.find(PROJECT, trigger.events.get(0).objectId()).orElseThrow();
        assertThat(stored.originalObjectName()).isEqualTo("late.csv");
        assertThat(stored.sha256()).isEqualTo(FakeSwiftStorage.sha256("x\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ignoresANameTheRawZoneCannotAddress() {
        assertThat(deliver(event("PUT", CONTAINER, "a//b.csv", "text/csv")).outcome()).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void anObjectThatVanishedBeforeAdoptionIsIgnored() {
        assertThat(deliver(event("PUT", CONTAINER, "gone.csv", "text/csv")).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(objects.findStale(ObjectStatus.PENDING, clock.instant().plusSeconds(1), 10)).isEmpty();
    }

    @Test
    void aDeleteOfAStoredLakeObjectsBytesInSwiftIsCountedAndTheDocumentStays() {
        ObjectDocument stored = storedByTheGateway("precious");
        swift.delete(new ObjectKey(PROJECT, stored.storageName()));

        ReceiveResult result = deliver(event("DELETE", CONTAINER, stored.storageName(), ""));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(objects.find(PROJECT, stored.id()).orElseThrow().status()).isEqualTo(ObjectStatus.STORED);
        assertThat(receiver.counters().bytesMissing()).isEqualTo(1);
    }

    @Test
    void deletesByTheLakeItselfAreIgnored() {
        ObjectDocument stored = storedByTheGateway("kept");

        assertThat(deliver(event("DELETE", CONTAINER, stored.storageName(), "")).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(deliver(event("DELETE", CONTAINER, "123456", "")).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(deliver(event("DELETE", CONTAINER, "adopted-name.csv", "")).outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(receiver.counters().bytesMissing()).isZero();
    }

    @Test
    void aFailingHandOverStillAcceptsTheEventAndLeavesTheObjectToTheSweeper() {
        ObjectDocument stored = storedByTheGateway("later");
        trigger.failing = true;

        assertThat(deliver(event("PUT", CONTAINER, stored.storageName(), "")).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(objects.findUntriggered(10)).extracting(ObjectDocument::id).containsExactly(stored.id());
    }

    @Test
    void countsEveryOutcome() {
        swift.putForeign(PROJECT, "c.csv", "a", "text/csv");
        SwiftEvent event = event("PUT", CONTAINER, "c.csv", "text/csv");
        deliver(event);
        deliver(event);
        deliver(event("PUT", "elsewhere", "c.csv", ""));
        receiver.receive(null, null, new byte[0]);

        assertThat(receiver.counters()).isEqualTo(new ReceiverCounters(1, 1, 1, 1, 0, 1, 0));
    }

    private SwiftEventReceiver receiver(SwiftEventsConfig config) {
        return new SwiftEventReceiver(config, objects, swift, swift, trigger, new InMemorySeenEvents(100),
                ContentTypeResolver.declaredOrByName(), clock);
    }

    private ReceiveResult deliver(SwiftEvent event) {
        Delivery delivery = signed(event, clock.instant());
        return receiver.receive(delivery.timestamp(), delivery.signature(), delivery.body());
    }

    /** What the gateway's IngestService leaves behind if its own hand-over failed: bytes under the id, a STORED document. */
    private ObjectDocument storedByTheGateway(String content) {
        long id = objects.allocateId(PROJECT);
        objects.insert(ObjectDocument.pending(PROJECT, id, Long.toString(id), "upload.csv", "alice", null, null, null, null, Map.of(),
                clock.instant()));
        StoredBlob blob = swift.put(new ObjectKey(PROJECT, Long.toString(id)), new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        return objects.markStored(PROJECT, id, blob, "text/csv", clock.instant());
    }

    private static void assertRejected(ReceiveResult result, ErrorType type) {
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.rejection().type()).isEqualTo(type);
    }
}
