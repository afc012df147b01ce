package org.zonelake.server.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zonelake.server.process.ProcessedData.node;
import static org.zonelake.server.process.ProcessedData.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Archives and unknown types end to end: a zip mixing a CSV, a sensor JSON file and a PNG is unpacked into objects of
 * their own, each processed into its zone and listed in the zip's lineage; a zip with an unsafe entry stores nothing;
 * bytes no route takes end as a not-handled run.
 */
@ExtendWith(SharedLake.class)
class ArchiveProcessZoneTest {
    private LakeClient lake;
    private ProcessedData data;
    private String base;

    @BeforeEach
    void project(LakeClient client) {
        lake = client;
        String project = client.newProject("archive");
        data = new ProcessedData(client, project);
        base = LakeClient.projectPath(project);
    }

    @Test
    void unpacksAZipIntoObjectsEachProcessedIntoItsZone() {
        byte[] png = TestFiles.image("png", 5, 4);
        byte[] zip = TestFiles.zip(TestFiles.entries("mixed/sensors.csv", TestFiles.resource("sensors.csv"),
                "mixed/readings.json", TestFiles.resource("sensors.json"), "mixed/plot.png", png));

        JsonNode run = data.process("mixed.zip", zip);
        long zipId = run.path("object_id").asLong();
        List<Long> children = derivedObjects(zipId);

        assertThat(run.path("pipeline").asText()).isEqualTo("unpack-archive");
        assertThat(run.path("state").asText()).isEqualTo("succeeded");
        assertThat(children).hasSize(3);
        long csv = children.get(0);
        long json = children.get(1);
        long image = children.get(2);
        assertThat(run.path("reason").asText()).isEqualTo("3 entries stored as objects " + csv + ".." + image);
        assertThat(List.of(entry(csv, zipId), entry(json, zipId), entry(image, zipId))).containsExactly(
                "mixed/sensors.csv text/csv admin", "mixed/readings.json application/json admin", "mixed/plot.png image/png admin");
        assertThat(lake.awaitRun(data.project(), csv).path("id").asText()).isEqualTo(csv + "-sql-tabular");
        assertThat(lake.awaitRun(data.project(), json).path("id").asText()).isEqualTo(json + "-timeseries-json");
        assertThat(lake.awaitRun(data.project(), image).path("id").asText()).isEqualTo(image + "-graph-image");
        assertThat(data.lineageItems(csv)).containsExactly("sql rows sensors_csv_" + csv + " 5 " + csv + "-sql-tabular");
        assertThat(data.tableCsv("sensors_csv_" + csv)).contains("1,Alpha,2024-03-01,2024-03-01T10:15:00Z,21.50,101320.0,true,first reading,"
                + csv + "," + csv + "-sql-tabular,1\r\n");
        assertThat(data.pointsCsv("building_room-1_temperature")).containsExactly(
                "time,input,subID,unitID,value_units,value,zl_object_id,zl_run_id",
                "2024-05-01T10:00:00Z,a0,1,u-17,C,21.5," + json + "," + json + "-timeseries-json",
                "2024-05-01T10:01:00Z,a0,1,u-17,C,21.75," + json + "," + json + "-timeseries-json");
        JsonNode imageNode = node(data.objectGraph(image), "object:" + image).path("properties");
        assertThat(List.of(imageNode.path("name").asText(), imageNode.path("format").asText(), imageNode.path("size").asText()))
                .containsExactly("mixed/plot.png", "PNG", Integer.toString(png.length));
        assertThat(data.lineage(image).path("parent_id").asLong()).isEqualTo(zipId);
        assertThat(data.lineage(zipId).path("items")).as("the zip itself writes no gold records").isEmpty();
    }

    @Test
    void unpackingAgainStoresNoNewObjects() {
        byte[] zip = TestFiles.zip(TestFiles.entries("a.csv", TestFiles.resource("sensors.csv"), "b.png", TestFiles.image("png", 3, 3)));
        JsonNode run = data.process("pair.zip", zip);
        long zipId = run.path("object_id").asLong();
        List<Long> children = derivedObjects(zipId);

        JsonNode redone = lake.redo(data.project(), run.path("id").asText(), null);

        assertThat(redone.path("state").asText()).isEqualTo("succeeded");
        assertThat(redone.path("reason").asText()).isEqualTo(run.path("reason").asText());
        assertThat(derivedObjects(zipId)).isEqualTo(children).hasSize(2);
        assertThat(objectIds()).containsExactlyInAnyOrder(zipId, children.get(0), children.get(1));
    }

    @Test
    void failsAZipWithAnEntryEscapingItAndStoresNoEntry() {
        byte[] zip = TestFiles.zip(TestFiles.entries("ok.csv", TestFiles.resource("sensors.csv"), "../evil.csv", TestFiles.resource("sensors.csv")));

        JsonNode run = data.process("evil.zip", zip);

        data.assertRejectedWithoutGoldRecords(run, "failed", "entry '../evil.csv' could escape the archive (a '..' segment); nothing was stored");
        assertThat(objectIds()).containsExactly(run.path("object_id").asLong());
    }

    @Test
    void leavesBytesOfAnUnknownTypeNotHandled() {
        JsonNode run = data.process("blob.bin", new byte[] {1, 2, 3, 0, 5, 6, 7, (byte) 200, (byte) 201});
        long id = run.path("object_id").asLong();

        assertThat(data.object(id).path("content_type").asText()).isEqualTo("application/octet-stream");
        assertThat(run.path("id").asText()).isEqualTo(id + "-none");
        assertThat(run.path("pipeline").asText()).isEqualTo("none");
        data.assertRejectedWithoutGoldRecords(run, "not_handled", "no pipeline handles content type application/octet-stream");
        assertThat(lake.json(base + "/runs?state=not_handled").path("items").findValuesAsText("id")).containsExactly(id + "-none");
        assertThat(lake.json(base + "/runs?state=succeeded").path("items")).isEmpty();
        assertThat(data.lineage(id).path("runs").toString()).contains("\"state\":\"not_handled\"");
    }

    private List<Long> derivedObjects(long id) {
        return texts(data.lineage(id).path("derived_objects")).stream().map(Long::parseLong).toList();
    }

    /** {@code name content_type uploader} of an entry stored from archive {@code parent}. */
    private String entry(long id, long parent) {
        JsonNode object = data.object(id);
        assertThat(object.path("parent_id").asLong()).isEqualTo(parent);
        return object.path("original_object_name").asText() + " " + object.path("content_type").asText() + " " + object.path("uploader").asText();
    }

    private List<Long> objectIds() {
        List<Long> ids = new ArrayList<>();
        lake.json(base + "/objects?limit=1000").path("items").forEach(object -> ids.add(object.path("id").asLong()));
        return ids;
    }
}
