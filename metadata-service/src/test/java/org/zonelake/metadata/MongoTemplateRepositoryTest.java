package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zonelake.core.metadata.TemplateProcessing;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.metadata.TimeSeriesMapping;

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
                "updated_at", "processing");
    }

    @Test
    void storesTheProcessingAsASubDocument() {
        repository.create(withProcessing(survey(PROJECT, "sensors"), new TemplateProcessing(
                new TimeSeriesMapping("weather", null, "ts", "epoch_s", List.of("station"), List.of(), null), "readings")));

        Document processing = store.database().getCollection("templates").find().first().get("processing", Document.class);

        assertThat(processing.getString("table")).isEqualTo("readings");
        assertThat(processing.get("time_series", Document.class)).isEqualTo(new Document("measurement", "weather")
                .append("measurement_field", null).append("time_field", "ts").append("time_format", "epoch_s")
                .append("tag_fields", List.of("station")).append("value_fields", List.of()).append("readings_path", null));
    }

    @Test
    void readsATemplateStoredBeforeProcessingExistedAsHavingNone() {
        repository.create(survey(PROJECT, "survey"));
        store.database().getCollection("templates").updateOne(new Document("name", "survey"), new Document("$unset", new Document("processing", "")));

        assertThat(repository.find(PROJECT, "survey")).contains(survey(PROJECT, "survey"));
        assertThat(repository.find(PROJECT, "survey").orElseThrow().processing()).isEqualTo(TemplateProcessing.NONE);
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
