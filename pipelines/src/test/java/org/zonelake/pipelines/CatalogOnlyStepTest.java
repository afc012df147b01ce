package org.zonelake.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.metadata.EmbeddedMongoServer;
import org.zonelake.metadata.MetadataStore;

class CatalogOnlyStepTest {
    private static EmbeddedMongoServer server;
    private static int databases;

    private PipelineTestbed lake;
    private CatalogOnlyStep step;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.startInMemory();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void freshDatabase() {
        lake = new PipelineTestbed(MetadataStore.on(server, "catalog_step_" + ++databases));
        step = new CatalogOnlyStep(lake.objects, lake.clock);
    }

    @AfterEach
    void closeStore() {
        lake.close();
    }

    @Test
    void appendsASuccessfulCatalogOperationNamedAfterTheEvent() {
        ObjectStoredEvent event = lake.storedObject();

        StepResult result = step.run(event);

        assertThat(result.isSuccess()).isTrue();
        assertThat(lake.object(event).successfulOperations()).singleElement().satisfies(operation -> {
            assertThat(operation.name()).isEqualTo("catalog");
            assertThat(operation.runId()).isEqualTo(event.eventId());
            assertThat(operation.detail()).isEqualTo("catalogued in the metadata zone; no processing pipeline configured");
            assertThat(operation.at()).isBeforeOrEqualTo(Instant.now());
        });
    }

    @Test
    void runningTwiceForTheSameEventRecordsOneOperation() {
        ObjectStoredEvent event = lake.storedObject();

        step.run(event);
        StepResult again = step.run(event);

        assertThat(again.isSuccess()).isTrue();
        assertThat(lake.object(event).successfulOperations()).extracting(Operation::name).containsExactly("catalog");
    }

    @Test
    void succeedsDoingNothingForAnObjectDeletedMeanwhile() {
        ObjectStoredEvent event = lake.storedObject();
        lake.objects.remove(event.project(), event.objectId());

        StepResult result = step.run(event);

        assertThat(result.isSuccess()).isTrue();
        assertThat(lake.objects.find(event.project(), event.objectId())).isEmpty();
    }

    @Test
    void succeedsDoingNothingForAnObjectBeingDeleted() {
        ObjectStoredEvent event = lake.storedObject();
        lake.objects.markDeleting(event.project(), event.objectId(), Instant.now());

        assertThat(step.run(event).isSuccess()).isTrue();

        assertThat(lake.object(event).successfulOperations()).isEmpty();
    }
}
