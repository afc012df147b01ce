package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;

/**
 * The connection to the metadata zone: one driver client and database, plus a durability barrier that
 * callers invoke before acknowledging something to a user (a no-op on a real MongoDB, where the
 * journaled write concern already made the write durable).
 */
public final class MetadataStore implements AutoCloseable {
    private final MongoClient client;
    private final MongoDatabase database;
    private final Runnable durabilityBarrier;

    public MetadataStore(String connectionString, String databaseName, Runnable durabilityBarrier) {
        requireNonNull(connectionString, "connectionString is null");
        requireNonNull(databaseName, "databaseName is null");
        this.durabilityBarrier = requireNonNull(durabilityBarrier, "durabilityBarrier is null");
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(10, TimeUnit.SECONDS))
                .build();
        this.client = MongoClients.create(settings);
        this.database = client.getDatabase(databaseName).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    /** A store on the embedded server, whose barrier commits the server's data file. */
    public static MetadataStore on(EmbeddedMongoServer server, String databaseName) {
        return new MetadataStore(server.connectionString(), databaseName, server::commit);
    }

    /** A store on a real MongoDB given by URL. */
    public static MetadataStore on(String connectionString, String databaseName) {
        return new MetadataStore(connectionString, databaseName, () -> {});
    }

    public MongoDatabase database() {
        return database;
    }

    /** Makes every acknowledged write durable before returning. */
    public void makeDurable() {
        durabilityBarrier.run();
    }

    @Override
    public void close() {
        client.close();
    }
}
