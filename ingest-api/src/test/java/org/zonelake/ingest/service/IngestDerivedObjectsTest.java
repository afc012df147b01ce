package org.zonelake.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.CatalogQuery;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class IngestDerivedObjectsTest {
    private static final String PROJECT = "derived";
    private static final List<ObjectStoredEvent> HANDED_OVER = new CopyOnWriteArrayList<>();
    private static TestLake lake;
    private static IngestDerivedObjects derived;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.pipelineTrigger(HANDED_OVER::add));
        lake.createProject(PROJECT);
        derived = lake.derivedObjects();
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    private static ObjectDocument archive(String name) {
        return lake.ingest().store(new StoreRequest(PROJECT, "alice", name, null, Map.of(), "field campaign", "web-gui", "May samples"),
                bytes("PK not really a zip"));
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storesAnEntryAsAnObjectOfTheParentsProjectLinkedToIt() throws Exception {
        ObjectDocument parent = archive("samples.zip");

        ObjectDocument entry = derived.store(parent, "data/readings.csv", bytes("site,depth\nnorth,1.5\n"));

        assertThat(entry.project()).isEqualTo(PROJECT);
        assertThat(entry.parentId()).isEqualTo(parent.id());
        assertThat(entry.uploader()).isEqualTo("alice");
        assertThat(entry.template()).isNull();
        assertThat(entry.originalObjectName()).isEqualTo("data/readings.csv");
        assertThat(entry.contentType()).isEqualTo("text/csv");
        assertThat(entry.status()).isEqualTo(ObjectStatus.STORED);
        assertThat(entry.application()).isEqualTo(IngestDerivedObjects.APPLICATION);
        assertThat(lake.objects().find(PROJECT, entry.id()).orElseThrow().parentId()).isEqualTo(parent.id());
        try (InputStream in = lake.objectStore().open(new ObjectKey(PROJECT, entry.storageName()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("site,depth\nnorth,1.5\n");
        }
        assertThat(HANDED_OVER).anyMatch(event -> event.objectId() == entry.id() && event.contentType().equals("text/csv"));
        assertThat(lake.objects().find(PROJECT, entry.id()).orElseThrow().triggeredAt()).isNotNull();
    }

    @Test
    void theObjectDocumentShowsTheParent() {
        ObjectDocument parent = archive("photos.zip");
        ObjectDocument entry = derived.store(parent, "a.txt", bytes("hello"));

        Response answer = lake.get("/api/v1/projects/" + PROJECT + "/objects/" + entry.id(), lake.tokenFor(PROJECT, ProjectRole.READER));

        assertThat(answer.json().path("parent_id").asLong()).isEqualTo(parent.id());
    }

    @Test
    void storingAnEntryAgainReturnsTheObjectStoredTheFirstTime() {
        ObjectDocument parent = archive("again.zip");
        ObjectDocument first = derived.store(parent, "x/1.json", bytes("{\"a\": 1}"));
        long events = HANDED_OVER.stream().filter(event -> event.objectId() == first.id()).count();

        ObjectDocument second = derived.store(parent, "x/1.json", bytes("{\"a\": 1}"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(derived.children(parent, 100)).containsExactly(first.id());
        assertThat(HANDED_OVER.stream().filter(event -> event.objectId() == first.id()).count()).isEqualTo(events);
        assertThat(lake.objects().search(CatalogQuery.all(PROJECT, 1000)).items().stream()
                .filter(document -> Long.valueOf(parent.id()).equals(document.parentId()))).hasSize(1);
    }

    @Test
    void entriesOfOtherNamesOrOtherParentsAreObjectsOfTheirOwn() {
        ObjectDocument parent = archive("one.zip");
        ObjectDocument other = archive("two.zip");

        ObjectDocument upper = derived.store(parent, "A.csv", bytes("a\n1\n"));
        ObjectDocument lower = derived.store(parent, "a.csv", bytes("a\n1\n"));
        ObjectDocument nested = derived.store(parent, "dir/a.csv", bytes("a\n1\n"));
        ObjectDocument elsewhere = derived.store(other, "a.csv", bytes("a\n1\n"));

        assertThat(List.of(upper.id(), lower.id(), nested.id(), elsewhere.id())).doesNotHaveDuplicates();
        assertThat(derived.children(parent, 100)).containsExactly(upper.id(), lower.id(), nested.id());
        assertThat(derived.children(other, 100)).containsExactly(elsewhere.id());
        assertThat(derived.children(parent, 2)).containsExactly(upper.id(), lower.id());
    }

    @Test
    void anEntryWithoutANameIsRefused() {
        ObjectDocument parent = archive("nameless.zip");

        assertThatThrownBy(() -> derived.store(parent, " ", bytes("x")))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_NAME));
        assertThat(derived.children(parent, 10)).isEmpty();
    }
}
