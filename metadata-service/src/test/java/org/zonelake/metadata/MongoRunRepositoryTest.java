package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunRepository;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;

class MongoRunRepositoryTest extends RunRepositoryContract {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    private MetadataStore store;
    private MongoRunRepository repository;

    @BeforeEach
    void freshDatabase() {
        store = STORES.freshStore();
        repository = new MongoRunRepository(store);
    }

    @Override
    protected RunRepository repository() {
        return repository;
    }

    @Test
    void storesStatesInLowerCaseAndStepsAsSubDocuments() {
        repository.create(queued(PROJECT, 1, T0));
        repository.claim("worker-1", LEASE, T0);
        repository.updateStep(PROJECT, "1-json", "worker-1", new StepRun("parse", RunState.NOT_HANDLED, 1, T0, T0, "empty", "no rows\n"));

        Document raw = runs().find().first();

        assertThat(raw.getString("id")).isEqualTo("1-json");
        assertThat(raw.getString("state")).isEqualTo("running");
        assertThat(raw.getBoolean("in_backlog")).isTrue();
        assertThat(raw.getLong("object_id")).isEqualTo(1L);
        Document parse = raw.getList("steps", Document.class).get(0);
        assertThat(parse.getString("state")).isEqualTo("not_handled");
        assertThat(parse).containsOnlyKeys("name", "state", "attempts", "started_at", "ended_at", "reason", "log");
        assertThat(raw).containsKeys("project", "pipeline", "attempts", "queued_at", "started_at", "ended_at", "reason", "redo_from_step",
                "cancel_requested", "worker", "lease_until", "not_before");
    }

    @Test
    void takesFinishedRunsOutOfTheBacklogField() {
        repository.create(queued(PROJECT, 1, T0));
        repository.claim("worker-1", LEASE, T0);
        repository.finish(PROJECT, "1-json", "worker-1", RunState.FAILED, "broken", T0.plusSeconds(1));

        assertThat(runs().find().first().getBoolean("in_backlog")).isFalse();

        repository.requestRedo(PROJECT, "1-json", null, T0.plusSeconds(2));

        assertThat(runs().find().first().getBoolean("in_backlog")).isTrue();
    }

    @Test
    void declaresTheIndexesOfItsQueries() {
        List<Document> keys = runs().listIndexes().map(index -> index.get("key", Document.class)).into(new ArrayList<>());

        assertThat(keys).contains(
                new Document("project", 1).append("id", 1),
                new Document("in_backlog", 1).append("not_before", 1).append("queued_at", 1),
                new Document("project", 1).append("queued_at", 1).append("id", 1),
                new Document("project", 1).append("object_id", 1).append("queued_at", 1).append("id", 1),
                new Document("project", 1).append("state", 1).append("queued_at", 1).append("id", 1));
        assertThat(runs().listIndexes().into(new ArrayList<>())).anySatisfy(index -> {
            assertThat(index.get("key")).isEqualTo(new Document("project", 1).append("id", 1));
            assertThat(index.getBoolean("unique")).isTrue();
        });
    }

    @Test
    void treatsAQueuedRunWithoutNotBeforeAsDueWhenQueued() {
        repository.create(new PipelineRun("1-json", PROJECT, 1, "json", RunState.QUEUED, 0, T0, null, null, null,
                List.of(StepRun.queued("parse")), null, false, null, null, null));

        assertThat(repository.claim("worker-1", LEASE, T0.minusMillis(1))).isEmpty();
        assertThat(repository.claim("worker-1", LEASE, T0)).isPresent();
    }

    private MongoCollection<Document> runs() {
        return store.database().getCollection("runs");
    }
}
