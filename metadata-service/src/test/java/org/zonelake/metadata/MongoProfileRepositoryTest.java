package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zonelake.core.metadata.ProfileRepository;

class MongoProfileRepositoryTest extends ProfileRepositoryContract {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    private MetadataStore store;
    private MongoProfileRepository repository;

    @BeforeEach
    void freshDatabase() {
        store = STORES.freshStore();
        repository = new MongoProfileRepository(store);
    }

    @Override
    protected ProfileRepository repository() {
        return repository;
    }

    @Test
    void keepsOneDocumentPerObjectAndTable() {
        repository.save(profile(7, "casts", 10, T0));
        repository.save(profile(7, "casts", 11, T0.plusSeconds(1)));

        List<Document> raw = profiles().find().into(new ArrayList<>());

        assertThat(raw).hasSize(1);
        assertThat(raw.get(0).getLong("row_count")).isEqualTo(11L);
        assertThat(raw.get(0).getList("columns", Document.class).get(0))
                .containsOnlyKeys("name", "type", "nulls", "min", "max", "distinct_estimate");
        assertThat(raw.get(0)).containsKeys("project", "object_id", "run_id", "table", "quarantined_rows", "profiled_at");
    }

    @Test
    void declaresTheUniqueKeyAndTheTableIndex() {
        List<Document> indexes = profiles().listIndexes().into(new ArrayList<>());

        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.get("key")).isEqualTo(new Document("project", 1).append("object_id", 1).append("table", 1));
            assertThat(index.getBoolean("unique")).isTrue();
        });
        assertThat(indexes).extracting(index -> index.get("key"))
                .contains(new Document("project", 1).append("table", 1).append("object_id", 1));
    }

    private MongoCollection<Document> profiles() {
        return store.database().getCollection("profiles");
    }
}
