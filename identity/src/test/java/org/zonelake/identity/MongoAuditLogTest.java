package org.zonelake.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.AuditEntry;
import org.zonelake.core.identity.AuditLog;
import org.zonelake.metadata.EmbeddedMongoServer;
import org.zonelake.metadata.MetadataStore;

class MongoAuditLogTest extends AuditLogContract {
    private static EmbeddedMongoServer server;

    private MetadataStore store;
    private MongoAuditLog log;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.startInMemory();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createLog() {
        store = EmbeddedMetadataZone.freshStore(server);
        log = new MongoAuditLog(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    protected AuditLog auditLog() {
        return log;
    }

    @Test
    void storesOneSnakeCaseDocumentPerEntryInTheAuditCollection() {
        log.append(new AuditEntry(Instant.parse("2030-01-01T00:00:00Z"), "alice", "login", "alice", "failure", "req-1", "wrong password"));

        Document stored = store.database().getCollection("audit").find().first();

        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "at", "actor", "action", "target", "outcome", "request_id", "detail");
        assertThat(stored.getString("request_id")).isEqualTo("req-1");
    }
}
