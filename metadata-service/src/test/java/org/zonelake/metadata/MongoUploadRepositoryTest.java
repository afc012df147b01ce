package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zonelake.core.metadata.UploadRepository;
import org.zonelake.core.metadata.UploadState;

class MongoUploadRepositoryTest extends UploadRepositoryContract {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    private MetadataStore store;
    private MongoUploadRepository repository;

    @BeforeEach
    void freshDatabase() {
        store = STORES.freshStore();
        repository = new MongoUploadRepository(store);
    }

    @Override
    protected UploadRepository repository() {
        return repository;
    }

    @Test
    void storesTheUploadIdAsDocumentIdAndStatesByWireName() {
        repository.create(receiving("u-1", T0));
        repository.updateState(PROJECT, "u-1", UploadState.NOT_HANDLED, 5L, null, T0);

        Document raw = store.database().getCollection("uploads").find().first();

        assertThat(raw.getString("_id")).isEqualTo("u-1");
        assertThat(raw.getString("state")).isEqualTo("not_handled");
        assertThat(raw.getString("kind")).isEqualTo("resumable");
        assertThat(raw).containsKeys("project", "uploader", "original_name", "length", "bytes_received", "object_id", "template",
                "metadata", "data_processing", "failure_reason", "started_at", "updated_at");
    }
}
