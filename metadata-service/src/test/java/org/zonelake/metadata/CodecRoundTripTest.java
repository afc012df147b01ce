package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;
import org.zonelake.core.metadata.ColumnProfile;
import org.zonelake.core.metadata.FieldType;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.metadata.TableProfile;
import org.zonelake.core.metadata.TemplateField;
import org.zonelake.core.metadata.TemplateProcessing;
import org.zonelake.core.metadata.TimeSeriesMapping;
import org.zonelake.core.metadata.UploadKind;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.QueuedEvent;
import org.zonelake.core.process.Route;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;

/** Every record survives toBson then fromBson, through a type-preserving encoding (canonical extended JSON). */
class CodecRoundTripTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");

    @Test
    void roundTripsAFullObjectDocument() {
        ObjectDocument object = new ObjectDocument("alpha", 42, "obj-42", "cast (1).csv", "text/csv", "raw", "alice", "cli", "first cast",
                "survey", Map.of("depth", 12L, "ratio", 0.5, "site", "north", "flags", List.of("a", "b"), "castAt", T0), "ab".repeat(32),
                1234, ObjectStatus.DELETING, T0, T0.plusSeconds(1), T0.plusSeconds(2),
                List.of(new Operation("parse", T0, "12 rows", "run-1")), List.of(new Operation("gold", T0, null, null)), 7L);

        assertThat(ObjectDocumentCodec.fromBson(encoded(ObjectDocumentCodec.toBson(object)))).isEqualTo(object);
    }

    @Test
    void roundTripsAPendingObjectDocumentWithItsNulls() {
        ObjectDocument pending = ObjectDocument.pending("alpha", 1, "obj-1", "a.csv", "alice", null, null, null, null, Map.of(), T0);

        assertThat(ObjectDocumentCodec.fromBson(encoded(ObjectDocumentCodec.toBson(pending)))).isEqualTo(pending);
    }

    @Test
    void roundTripsUploadRecords() {
        UploadRecord full = new UploadRecord("u-1", "alpha", UploadKind.SINGLE_REQUEST, "alice", "a.csv", 10L, 10, UploadState.PROCESSED,
                7L, "survey", Map.of("depth", 3L), "raw", "none", T0, T0.plusSeconds(1));
        UploadRecord sparse = new UploadRecord("u-2", "alpha", UploadKind.RESUMABLE, "alice", "b.csv", null, 0, UploadState.RECEIVING,
                null, null, null, null, null, T0, T0);

        assertThat(UploadRecordCodec.fromBson(encoded(UploadRecordCodec.toBson(full)))).isEqualTo(full);
        assertThat(UploadRecordCodec.fromBson(encoded(UploadRecordCodec.toBson(sparse)))).isEqualTo(sparse);
    }

    @Test
    void roundTripsQueuedEvents() {
        ObjectStoredEvent event = new ObjectStoredEvent("alpha", 42, "obj-42", null, 0, null, null, "alice", T0);
        Document entry = QueuedEventCodec.waiting(event, T0).append("lease_until", Date.from(T0.plusSeconds(300)));

        assertThat(QueuedEventCodec.fromBson(encoded(entry))).isEqualTo(new QueuedEvent(event, 0, T0.plusSeconds(300)));
    }

    @Test
    void roundTripsTemplates() {
        MetadataTemplate template = new MetadataTemplate("alpha", "survey", "Survey", "Casts", List.of("text/csv"),
                List.of(new TemplateField("site", "Site", FieldType.ENUM, true, List.of("north", "south")),
                        new TemplateField("depth", null, FieldType.NUMBER, false, List.of())),
                false, true, false, T0, T0.plusSeconds(5));

        assertThat(TemplateCodec.fromBson(encoded(TemplateCodec.toBson(template)))).isEqualTo(template);
    }

    @Test
    void roundTripsTemplatesWithProcessing() {
        MetadataTemplate template = new MetadataTemplate("alpha", "sensors", "Sensors", "Readings", List.of("application/json"), List.of(),
                true, true, true, T0, T0, new TemplateProcessing(
                        new TimeSeriesMapping("weather", "kind", "ts", "yyyy-MM-dd HH:mm", List.of("station"), List.of("temp"), "data.readings"),
                        "readings"));
        MetadataTemplate tableOnly = new MetadataTemplate("alpha", "casts", null, null, null, null, true, true, true, T0, T0,
                new TemplateProcessing(null, "casts"));

        assertThat(TemplateCodec.fromBson(encoded(TemplateCodec.toBson(template)))).isEqualTo(template);
        assertThat(TemplateCodec.fromBson(encoded(TemplateCodec.toBson(tableOnly)))).isEqualTo(tableOnly);
    }

    @Test
    void roundTripsPipelineRuns() {
        PipelineRun full = new PipelineRun("42-json", "alpha", 42, "json", RunState.RUNNING, 3, T0, T0.plusSeconds(1), null, "retrying",
                List.of(new StepRun("parse", RunState.SUCCEEDED, 2, T0, T0.plusSeconds(1), "", "ok\n"),
                        new StepRun("load", RunState.NOT_HANDLED, 1, T0.plusSeconds(1), T0.plusSeconds(2), "empty", "")),
                "load", true, "worker-1", T0.plusSeconds(300), T0.minusSeconds(5));
        PipelineRun queued = PipelineRun.queued("alpha", 43, "sql-tabular", List.of("parse"), T0);

        assertThat(PipelineRunCodec.fromBson(encoded(PipelineRunCodec.toBson(full)))).isEqualTo(full);
        assertThat(PipelineRunCodec.fromBson(encoded(PipelineRunCodec.toBson(queued)))).isEqualTo(queued);
    }

    @Test
    void roundTripsTableProfilesAndRoutes() {
        TableProfile profile = new TableProfile("alpha", 42, "42-sql-tabular", "casts", 10, 1,
                List.of(new ColumnProfile("depth", "double", 1, "0.5", "9.5", 8), new ColumnProfile("note", "varchar", 10, null, null, 0)), T0);
        List<Route> routes = List.of(new Route("text/csv", "survey", "sql-tabular"), new Route("image/*", null, "graph-image"));

        assertThat(TableProfileCodec.fromBson(encoded(TableProfileCodec.toBson(profile)))).isEqualTo(profile);
        assertThat(RouteCodec.fromBson(encoded(RouteCodec.toBson("alpha", routes)))).isEqualTo(routes);
    }

    private static Document encoded(Document document) {
        return Document.parse(document.toJson(JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build()));
    }
}
