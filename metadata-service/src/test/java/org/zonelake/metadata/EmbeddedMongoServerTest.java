package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.metadata.ObjectDocument;

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
    void listensOnlyOnTheLoopbackInterface() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory()) {
            assertThat(server.connectionString()).matches("mongodb://127\\.0\\.0\\.1:\\d+");
        }
    }
}
