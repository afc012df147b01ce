package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;

class MongoObjectRepositoryTest extends ObjectRepositoryContract {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    private MetadataStore store;
    private MongoObjectRepository repository;

    @BeforeEach
    void freshDatabase() {
        store = STORES.freshStore();
        repository = new MongoObjectRepository(store);
    }

    @Override
    protected ObjectRepository repository() {
        return repository;
    }

    @Test
    void storesDocumentsWithTheReferenceFieldNames() {
        ObjectDocument stored = stored(new Spec().template("survey").otherData(Map.of("depth", 12L)));

        Document raw = store.database().getCollection("objects").find().first();

        assertThat(raw).containsKeys("project", "object_id", "storage_name", "original_object_name", "content_type", "data_processing",
                "uploader", "application", "description", "template", "other_data", "sha256", "size", "status", "creation_date",
                "last_modified", "triggered_at", "successful_operations", "failed_operations");
        assertThat(raw.getString("status")).isEqualTo("stored");
        assertThat(raw.get("other_data", Document.class).get("depth")).isEqualTo(12L);
        assertThat(raw.getLong("object_id")).isEqualTo(stored.id());
    }

    @Test
    void keepsTheIdCounterInTheCountersCollection() {
        long first = repository.allocateId(PROJECT);
        long second = repository.allocateId(PROJECT);

        Document counter = store.database().getCollection("counters").find(new Document("_id", "objects:" + PROJECT)).first();

        assertThat(List.of(first, second)).containsExactly(1L, 2L);
        assertThat(counter.get("seq", Number.class).longValue()).isEqualTo(2L);
    }

    @Test
    void createsItsIndexesOnceAndAgainWithoutError() {
        new MongoObjectRepository(store);

        List<Document> indexes = store.database().getCollection("objects").listIndexes().into(new ArrayList<>());

        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).isEqualTo(new Document("project", 1).append("object_id", 1));
            assertThat(index.getBoolean("unique")).isTrue();
        });
    }

    @Test
    void indexesATemplateFieldAndRefusesAnUnsafeFieldName() {
        repository.ensureFieldIndex(PROJECT, "depth");
        repository.ensureFieldIndex(PROJECT, "depth");

        List<Document> keys = store.database().getCollection("objects").listIndexes().map(index -> index.get("key", Document.class))
                .into(new ArrayList<>());

        assertThat(keys).contains(new Document("project", 1).append("other_data.depth", 1));
        assertThatThrownBy(() -> repository.ensureFieldIndex(PROJECT, "a.b"))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> search(query().field("$where", "1").build()))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }
}
