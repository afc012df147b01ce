package org.zonelake.pipelines.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.TemplateProcessing;
import org.zonelake.core.metadata.TimeSeriesMapping;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.core.process.Route;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.metadata.EmbeddedMetadataStores;
import org.zonelake.pipelines.PipelineTestbed;

class RouterTest {
    @RegisterExtension
    static final EmbeddedMetadataStores STORES = new EmbeddedMetadataStores();

    @TempDir
    Path directory;

    private PipelineTestbed lake;
    private Router router;

    @BeforeEach
    void freshLake() {
        lake = new PipelineTestbed(STORES.freshStore(), directory);
        router = new Router(lake.routes, lake.templates, new JsonShapes(lake.objectStore));
    }

    @Test
    void routesByTheDefaultTableWhenTheProjectHasNone() {
        assertThat(pipelineOf("a.csv", "text/csv", "a,b\n1,2\n")).isEqualTo(PipelineNames.SQL_TABULAR);
        assertThat(pipelineOf("a.png", "image/png", "not really")).isEqualTo(PipelineNames.GRAPH_IMAGE);
        assertThat(pipelineOf("a.zip", "application/zip", "PK")).isEqualTo(PipelineNames.UNPACK_ARCHIVE);
        assertThat(pipelineOf("a.bin", "application/octet-stream", "x")).isEqualTo(PipelineNames.NONE);
    }

    @Test
    void sendsGraphDocumentsToTheGraphAndOtherJsonToTheTimeSeries() {
        assertThat(pipelineOf("g.json", "application/json", "{\"meta\": {\"nodes\": 1}, \"nodes\": [{\"id\": 1}], \"links\": []}"))
                .isEqualTo(PipelineNames.GRAPH_JSON);
        assertThat(pipelineOf("g.json", "application/json", "{\"nodes\": [{\"id\": 1}], \"edges\": []}")).isEqualTo(PipelineNames.GRAPH_JSON);
        assertThat(pipelineOf("s.json", "application/json", "[{\"topic\": \"t\", \"value\": 1, \"time\": \"2024-01-01T00:00:00Z\"}]"))
                .isEqualTo(PipelineNames.TIMESERIES_JSON);
        assertThat(pipelineOf("n.json", "application/json", "{\"nodes\": 3}")).isEqualTo(PipelineNames.TIMESERIES_JSON);
        assertThat(pipelineOf("broken.json", "application/json", "{\"nodes\": [")).isEqualTo(PipelineNames.TIMESERIES_JSON);
    }

    @Test
    void followsTheProjectsOwnTableFirstMatchFirst() {
        lake.route(new Route("text/*", "survey", PipelineNames.SQL_DUMP), new Route("text/*", null, PipelineNames.TIMESERIES_CSV));

        assertThat(pipelineOf("a.csv", "text/csv; charset=UTF-8", "a\n")).isEqualTo(PipelineNames.TIMESERIES_CSV);
        assertThat(pipelineOf("a.png", "image/png", "x")).isEqualTo(PipelineNames.NONE);
    }

    @Test
    void sendsCsvOfATemplateWithATimeSeriesMappingToTheTimeSeries() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        var mapping = new TimeSeriesMapping("weather", null, "time", "iso", List.of("station"), List.of(), null);
        lake.templates.create(new MetadataTemplate(PipelineTestbed.PROJECT, "weather", null, null, List.of(), List.of(), true, true, true,
                now, now, new TemplateProcessing(mapping, null)));
        ObjectDocument object = lake.object(lake.storedObject("w.csv", "text/csv", "time,station,t\n"));

        assertThat(router.pipelineFor(withTemplate(object, "weather"))).isEqualTo(PipelineNames.TIMESERIES_CSV);
        assertThat(router.pipelineFor(object)).isEqualTo(PipelineNames.SQL_TABULAR);
    }

    private String pipelineOf(String name, String contentType, String content) {
        ObjectStoredEvent event = lake.storedObject(name, contentType, content);
        return router.pipelineFor(lake.object(event));
    }

    private static ObjectDocument withTemplate(ObjectDocument object, String template) {
        return new ObjectDocument(object.project(), object.id(), object.storageName(), object.originalObjectName(), object.contentType(),
                object.dataProcessing(), object.uploader(), object.application(), object.description(), template, object.otherData(),
                object.sha256(), object.size(), object.status(), object.creationDate(), object.lastModified(), object.triggeredAt(),
                object.successfulOperations(), object.failedOperations(), object.parentId());
    }
}
