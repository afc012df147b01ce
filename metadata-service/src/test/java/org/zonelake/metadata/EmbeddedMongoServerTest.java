package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.UploadKind;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;

class EmbeddedMongoServerTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path directory;

    @Test
    void keepsDurableDataAcrossARestartOnTheSameDirectory() {
        ObjectDocument pending;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(directory, 0);
             MetadataStore store = MetadataStore.on(server, "zonelake")) {
            MongoObjectRepository objects = new MongoObjectRepository(store);
            pending = ObjectDocument.pending("alpha", objects.allocateId("alpha"), "obj-1", "a.csv", "alice", null, null, null, null,
                    Map.of("depth", 12L), T0);
            objects.insert(pending);
            store.makeDurable();

            assertThat(server.hasUncommittedWrites()).isFalse();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(directory, 0);
             MetadataStore store = MetadataStore.on(server, "zonelake")) {
            MongoObjectRepository objects = new MongoObjectRepository(store);

            assertThat(objects.find("alpha", pending.id())).contains(pending);
            assertThat(objects.allocateId("alpha")).isEqualTo(pending.id() + 1);
        }
        assertThat(directory.resolve("metadata.mv.db")).isRegularFile();
    }

    @Test
    void opensItsDataFileWithTheStockH2BackendAndBack() {
        onStockBackend(uploads -> uploads.create(upload("u-1")));

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(directory, 0);
             MetadataStore store = MetadataStore.on(server, "zonelake")) {
            MongoUploadRepository uploads = new MongoUploadRepository(store);

            assertThat(uploads.find("alpha", "u-1")).map(UploadRecord::originalName).contains("u-1.csv");
            assertThat(uploads.advance("alpha", "u-1", 0, 10, T0.plusSeconds(1))).isTrue();
            uploads.create(upload("u-2"));
        }

        onStockBackend(uploads -> {
            assertThat(uploads.find("alpha", "u-1").orElseThrow().bytesReceived()).isEqualTo(10);
            assertThat(uploads.find("alpha", "u-2")).isPresent();
            assertThatThrownBy(() -> uploads.create(upload("u-2"))).hasMessageContaining("already taken");
        });
    }

    private void onStockBackend(Consumer<MongoUploadRepository> work) {
        MongoServer stock = new MongoServer(new H2Backend(MVStore.open(directory.resolve("metadata.mv.db").toString())));
        String url = "mongodb://127.0.0.1:" + stock.bind().getPort();
        try (MetadataStore store = MetadataStore.on(url, "zonelake")) {
            work.accept(new MongoUploadRepository(store));
        } finally {
            stock.shutdownNow();
        }
    }

    private static UploadRecord upload(String id) {
        return new UploadRecord(id, "alpha", UploadKind.RESUMABLE, "alice", id + ".csv", 10L, 0, UploadState.RECEIVING, null, null,
                Map.of(), null, null, T0, T0);
    }

    @Test
    void listensOnlyOnTheLoopbackInterface() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory()) {
            assertThat(server.connectionString()).matches("mongodb://127\\.0\\.0\\.1:\\d+");
        }
    }
}
