package org.zonelake.ingest.runs;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.graph.Subgraph;
import org.zonelake.core.gold.sql.TableInfo;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;
import org.zonelake.core.metadata.TableProfile;
import org.zonelake.ingest.ProcessServices;

/**
 * Lineage the other way: which objects (and runs) a table, a measurement or a graph node came from. Run ids come from
 * the gold records themselves where they carry them, else from what each source object contributed.
 */
final class LineageSources {
    /** Neighbours read to find who wrote relationships to a shared node. */
    static final int NODE_NEIGHBOURS = 1000;

    private final ProcessServices process;

    /** An object a gold record came from, and the run that wrote it ({@code null} if no longer known). */
    record Source(long objectId, String runId) {}

    LineageSources(ProcessServices process) {
        this.process = requireNonNull(process, "process is null");
    }

    /** The table's source objects; run ids from the table profiles, else from what each object contributed. */
    List<Source> ofTable(String project, String table) {
        TableInfo info = process.sql().table(project, table)
                .orElseThrow(() -> LakeException.of(ErrorCode.TABLE_NOT_FOUND, "Table %s does not exist in project %s", table, project));
        Map<Long, String> profiled = new HashMap<>();
        process.profiles().forTable(project, table).stream().sorted(Comparator.comparing(TableProfile::profiledAt))
                .forEach(profile -> profiled.put(profile.objectId(), profile.runId()));
        return info.sourceObjectIds().stream().distinct().sorted()
                .map(id -> new Source(id, profiled.containsKey(id) ? profiled.get(id)
                        : runOf(process.sql().derivedFrom(project, id), table)))
                .toList();
    }

    /** The objects named by the measurement's {@value TimeSeriesStore#OBJECT_TAG} tag. */
    List<Source> ofMeasurement(String project, String measurement) {
        TimeSeriesStore store = process.timeSeries();
        if (store.measurements(project).stream().noneMatch(m -> m.name().equals(measurement))) {
            throw LakeException.of(ErrorCode.MEASUREMENT_NOT_FOUND, "Measurement %s does not exist in project %s", measurement, project);
        }
        return store.tagValues(project, measurement, TimeSeriesStore.OBJECT_TAG).stream()
                .map(LineageSources::objectId).flatMap(Optional::stream).distinct().sorted()
                .map(id -> new Source(id, runOf(store.derivedFrom(project, id), measurement)))
                .toList();
    }

    /**
     * The object that wrote the node; for a shared node (a tag, a person), which no object owns, the objects that wrote
     * relationships to it (among its first {@value #NODE_NEIGHBOURS} neighbours).
     */
    List<Source> ofNode(String project, String key) {
        Subgraph around = process.graph().neighbourhood(project, key, 1, NODE_NEIGHBOURS);
        GraphNode node = around.nodes().stream().filter(n -> n.key().equals(key)).findFirst()
                .orElseThrow(() -> LakeException.of(ErrorCode.NODE_NOT_FOUND, "Node %s does not exist in project %s", key, project));
        Optional<Source> owner = source(node.properties());
        if (owner.isPresent() && !node.shared()) {
            return List.of(owner.get());
        }
        Map<Long, Source> writers = new TreeMap<>();
        around.relationships().stream()
                .filter(r -> r.fromKey().equals(key) || r.toKey().equals(key))
                .map(GraphRelationship::properties).map(LineageSources::source).flatMap(Optional::stream)
                .forEach(source -> writers.putIfAbsent(source.objectId(), source));
        owner.ifPresent(source -> writers.putIfAbsent(source.objectId(), source));
        return List.copyOf(writers.values());
    }

    private static Optional<Source> source(Map<String, Object> properties) {
        Object runId = properties.get(GraphStore.RUN_PROPERTY);
        return objectId(properties.get(GraphStore.OBJECT_PROPERTY)).map(id -> new Source(id, runId == null ? null : runId.toString()));
    }

    private static String runOf(List<DerivedRecords> derived, String name) {
        return derived.stream().filter(records -> records.name().equals(name)).map(DerivedRecords::runId).findFirst().orElse(null);
    }

    /** An object id as a gold zone keeps it: a number, or its text. */
    static Optional<Long> objectId(Object value) {
        if (value instanceof Number number) {
            return Optional.of(number.longValue());
        }
        if (value instanceof String text) {
            try {
                return Optional.of(Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
