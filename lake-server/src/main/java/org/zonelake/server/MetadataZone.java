package org.zonelake.server;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.zonelake.ingest.HealthCheck;
import org.zonelake.metadata.EmbeddedMongoServer;
import org.zonelake.metadata.MetadataConfig;
import org.zonelake.metadata.MetadataStore;

/** The metadata zone of this process: the embedded wire server and a store on it, or a store on a real MongoDB. */
final class MetadataZone implements AutoCloseable {
    private final EmbeddedMongoServer embedded;
    private final MetadataStore store;

    private MetadataZone(EmbeddedMongoServer embedded, MetadataStore store) {
        this.embedded = embedded;
        this.store = store;
    }

    static MetadataZone open(LakeConfig config) {
        MetadataConfig metadata = config.metadata();
        if (!metadata.embedded()) {
            return new MetadataZone(null, MetadataStore.on(metadata.mongodbUrl(), metadata.database()));
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.start(config.metadataDir(), config.embeddedMetadataPort());
        return new MetadataZone(server, MetadataStore.on(server, metadata.database()));
    }

    MetadataStore store() {
        return store;
    }

    HealthCheck healthCheck() {
        return new HealthCheck() {
            @Override
            public String name() {
                return "metadata";
            }

            @Override
            public boolean isUp() {
                try {
                    MongoDatabase database = store.database();
                    return database.runCommand(new Document("ping", 1)).get("ok") != null;
                } catch (RuntimeException e) {
                    return false;
                }
            }
        };
    }

    @Override
    public void close() {
        store.close();
        if (embedded != null) {
            embedded.commit();
            embedded.close();
        }
    }
}
