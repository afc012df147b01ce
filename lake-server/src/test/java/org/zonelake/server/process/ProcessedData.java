package org.zonelake.server.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zonelake.server.process.LakeClient.encode;
import static org.zonelake.server.process.LakeClient.projectPath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/** The processed zones of one project as the API serves them, with the checks every route's tests share. */
final class ProcessedData {
    private final LakeClient lake;
    private final String project;
    private final String base;

    ProcessedData(LakeClient lake, String project) {
        this.lake = lake;
        this.project = project;
        this.base = projectPath(project);
    }

    String project() {
        return project;
    }

    /** Uploads a file and waits for its run to end; answers the run. */
    JsonNode process(String fileName, byte[] content) {
        return process(fileName, content, null);
    }

    JsonNode process(String fileName, byte[] content, String metadataJson) {
        long id = lake.upload(project, fileName, content, metadataJson).path("id").asLong();
        long started = System.nanoTime();
        JsonNode run = lake.awaitRun(project, id);
        System.out.printf("process-zone tests: %s (object %d) %s by %s in %d ms after upload%n", fileName, id, run.path("state").asText(),
                run.path("pipeline").asText(), (System.nanoTime() - started) / 1_000_000);
        return run;
    }

    JsonNode object(long id) {
        return lake.json(base + "/objects/" + id);
    }

    JsonNode lineage(long id) {
        return lake.json(base + "/objects/" + id + "/lineage");
    }

    /** The lineage items as {@code zone kind name count run_id} lines. */
    List<String> lineageItems(long id) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : lineage(id).path("items")) {
            items.add(String.join(" ", item.path("zone").asText(), item.path("kind").asText(), item.path("name").asText(),
                    item.path("count").asText(), item.path("run_id").asText()));
        }
        return items;
    }

    /** {@code GET lineage/source}: the sources as {@code object_id run_id} lines. */
    List<String> sources(String query) {
        List<String> sources = new ArrayList<>();
        for (JsonNode source : lake.json(base + "/lineage/source?" + query).path("sources")) {
            sources.add(source.path("object_id").asText() + " " + source.path("run_id").asText());
        }
        return sources;
    }

    JsonNode table(String name) {
        return lake.json(base + "/tables/" + name);
    }

    /** The listed tables as {@code name source_object_id} lines. */
    List<String> tables() {
        List<String> tables = new ArrayList<>();
        for (JsonNode table : lake.json(base + "/tables?limit=1000").path("items")) {
            tables.add(table.path("name").asText() + " " + table.path("source_object_id").asText());
        }
        return tables;
    }

    /** A table's columns as {@code name type} lines, with the scale of decimals ({@code temperature decimal(2)}). */
    List<String> columns(String table) {
        List<String> columns = new ArrayList<>();
        for (JsonNode column : table(table).path("columns")) {
            String type = column.path("type").asText();
            columns.add(column.path("name").asText() + " " + (type.equals("decimal") ? type + "(" + column.path("scale").asInt() + ")" : type));
        }
        return columns;
    }

    String tableCsv(String table) {
        return lake.text(base + "/tables/" + table + "/export?format=csv");
    }

    byte[] tableParquet(String table) {
        return lake.bytes(base + "/tables/" + table + "/export?format=parquet");
    }

    /** The measurements as {@code name [tag keys] [field keys]} lines. */
    List<String> measurements() {
        List<String> measurements = new ArrayList<>();
        for (JsonNode measurement : lake.json(base + "/timeseries").path("items")) {
            measurements.add(measurement.path("name").asText() + " " + texts(measurement.path("tag_keys")) + " " + texts(measurement.path("field_keys")));
        }
        return measurements;
    }

    /** The measurement's points as CSV lines: the header first, then the points sorted (points of one time may come in any order). */
    List<String> pointsCsv(String measurement) {
        List<String> lines = new ArrayList<>(List.of(lake.text(base + "/timeseries/" + encode(measurement) + "/export?format=csv").split("\r?\n")));
        List<String> points = new ArrayList<>(lines.subList(1, lines.size()));
        points.sort(null);
        List<String> sorted = new ArrayList<>(List.of(lines.get(0)));
        sorted.addAll(points);
        return sorted;
    }

    /** {@code GET timeseries/{m}/query?...}: the buckets as {@code time value} lines. */
    List<String> buckets(String measurement, String query) {
        List<String> buckets = new ArrayList<>();
        for (JsonNode bucket : lake.json(base + "/timeseries/" + encode(measurement) + "/query?" + query).path("buckets")) {
            buckets.add(bucket.path("time").asText() + " " + bucket.path("value").asText());
        }
        return buckets;
    }

    JsonNode objectGraph(long id) {
        return lake.json(base + "/objects/" + id + "/graph");
    }

    JsonNode graphExport(long objectId) {
        return lake.json(base + "/graph/export?object_id=" + objectId);
    }

    /** A graph answer as sets (its order is the store's), for comparing two reads. */
    static Set<JsonNode> asSet(JsonNode graph) {
        Set<JsonNode> records = new HashSet<>();
        graph.path("nodes").forEach(records::add);
        graph.path("relationships").forEach(records::add);
        return records;
    }

    /** The relationships as {@code from -TYPE-> to} lines. */
    static List<String> relationships(JsonNode graph) {
        return StreamSupport.stream(graph.path("relationships").spliterator(), false)
                .map(r -> r.path("from").asText() + " -" + r.path("type").asText() + "-> " + r.path("to").asText()).sorted().toList();
    }

    /** The node of {@code key} in a graph answer. */
    static JsonNode node(JsonNode graph, String key) {
        for (JsonNode node : graph.path("nodes")) {
            if (node.path("key").asText().equals(key)) {
                return node;
            }
        }
        throw new AssertionError("No node " + key + " in " + graph);
    }

    /**
     * The run failed or was not handled, said why, left a failed operation on the object, and the object wrote nothing to
     * any gold zone: no lineage items, no table, no points, no graph records.
     */
    void assertRejectedWithoutGoldRecords(JsonNode run, String state, String reason) {
        long id = run.path("object_id").asLong();
        assertThat(run.path("state").asText()).as("run %s", run).isEqualTo(state);
        assertThat(run.path("reason").asText()).contains(reason);
        JsonNode operations = object(id).path("failed_operations");
        assertThat(operations).hasSize(1);
        assertThat(operations.get(0).path("name").asText()).isEqualTo(run.path("pipeline").asText());
        assertThat(operations.get(0).path("run_id").asText()).isEqualTo(run.path("id").asText());
        assertThat(operations.get(0).path("detail").asText()).startsWith(state + ": ").contains(reason);
        assertThat(object(id).path("successful_operations")).isEmpty();
        JsonNode upload = upload(id);
        assertThat(upload.path("state").asText()).as("upload %s", upload).isEqualTo(state);
        assertThat(upload.path("failure_reason").asText()).contains(reason);
        assertNoGoldRecords(id);
    }

    /** The tracking-list entry of the upload that stored object {@code id}. */
    JsonNode upload(long id) {
        for (JsonNode upload : lake.json(base + "/uploads?limit=1000").path("items")) {
            if (upload.path("object_id").asLong() == id) {
                return upload;
            }
        }
        throw new AssertionError("No upload of object " + id);
    }

    void assertNoGoldRecords(long id) {
        assertThat(lineage(id).path("items")).isEmpty();
        assertThat(lineage(id).path("derived_objects")).isEmpty();
        for (JsonNode table : lake.json(base + "/tables?limit=1000").path("items")) {
            assertThat(texts(table.path("source_object_ids"))).as("sources of table %s", table.path("name")).doesNotContain(Long.toString(id));
        }
        for (JsonNode measurement : lake.json(base + "/timeseries").path("items")) {
            String name = measurement.path("name").asText();
            assertThat(texts(lake.json(base + "/timeseries/" + encode(name) + "/tags/zl_object_id").path("values")))
                    .as("objects of measurement %s", name).doesNotContain(Long.toString(id));
        }
        assertThat(asSet(graphExport(id))).isEmpty();
        assertThat(asSet(objectGraph(id))).isEmpty();
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
