package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zonelake.core.process.Route;
import org.zonelake.core.process.RouteRepository;

class MongoRouteRepositoryTest extends RouteRepositoryContract {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    private MetadataStore store;
    private MongoRouteRepository repository;

    @BeforeEach
    void freshDatabase() {
        store = STORES.freshStore();
        repository = new MongoRouteRepository(store);
    }

    @Override
    protected RouteRepository repository() {
        return repository;
    }

    @Test
    void storesOneDocumentPerProjectWithItsOrderedLines() {
        repository.replace(PROJECT, List.of(new Route("Text/CSV", "survey", "sql-tabular"), new Route("image/*", null, "graph-image")));
        repository.replace(PROJECT, List.of(new Route("text/csv", "survey", "sql-tabular"), new Route("image/*", null, "graph-image")));

        List<Document> raw = store.database().getCollection("routes").find().into(new ArrayList<>());

        assertThat(raw).hasSize(1);
        assertThat(raw.get(0).getString("_id")).isEqualTo(PROJECT);
        assertThat(raw.get(0).getList("routes", Document.class)).containsExactly(
                new Document("content_type", "text/csv").append("template", "survey").append("pipeline", "sql-tabular"),
                new Document("content_type", "image/*").append("template", null).append("pipeline", "graph-image"));
    }
}
