package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zonelake.core.metadata.TemplateRepository;

class MongoTemplateRepositoryTest extends TemplateRepositoryContract {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    private MetadataStore store;
    private MongoTemplateRepository repository;

    @BeforeEach
    void freshDatabase() {
        store = STORES.freshStore();
        repository = new MongoTemplateRepository(store);
    }

    @Override
    protected TemplateRepository repository() {
        return repository;
    }

    @Test
    void storesFieldTypesInLowerCase() {
        repository.create(survey(PROJECT, "survey"));

        Document raw = store.database().getCollection("templates").find().first();

        assertThat(raw.getList("fields", Document.class)).extracting(field -> field.getString("type"))
                .containsExactly("number", "enum", "textarea", "date", "text");
        assertThat(raw).containsKeys("label", "description", "accepted_mime_types", "visible", "editable", "deletable", "created_at",
                "updated_at");
    }

    @Test
    void indexesEveryTemplateFieldInTheObjectsCollection() {
        repository.create(survey(PROJECT, "survey"));

        List<Document> keys = store.database().getCollection("objects").listIndexes().map(index -> index.get("key", Document.class))
                .into(new ArrayList<>());

        assertThat(keys).contains(new Document("project", 1).append("other_data.depth", 1),
                new Document("project", 1).append("other_data.castDate", 1));
    }
}
