package org.zonelake.pipelines.timeseries;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;
import org.zonelake.core.metadata.TimeSeriesMapping;

/**
 * The record columns a mapping reads, resolved against the schema Spark found: what the job projects, in this
 * order: time, measurement (if any), tags, values, and the CSV reader's corrupt-record column (if any).
 *
 * @param time the time column, or {@code null} if no record has the mapping's time field
 * @param measurement the column naming each record's measurement, or {@code null}
 * @param corrupt the column where Spark puts a line it could not split into the header's columns, or {@code null}
 */
record PointColumns(String time, String measurement, List<String> tags, List<String> values, String corrupt) {
    private static final Set<String> RESERVED = Set.of(TimeSeriesStore.OBJECT_TAG, TimeSeriesStore.RUN_FIELD);

    PointColumns {
        tags = List.copyOf(tags);
        values = List.copyOf(values);
    }

    /** The columns of {@code schema} the mapping names; with no value fields, every other column of text, numbers or booleans. */
    static PointColumns resolve(TimeSeriesMapping mapping, StructType schema, String corrupt) {
        requireNonNull(mapping, "mapping is null");
        String time = find(schema, mapping.timeField()).orElse(null);
        String measurement = mapping.measurementField() == null ? null : find(schema, mapping.measurementField()).orElse(null);
        Set<String> tags = new LinkedHashSet<>();
        mapping.tagFields().forEach(field -> find(schema, field).ifPresent(tags::add));
        tags.removeAll(RESERVED);
        Set<String> taken = new LinkedHashSet<>(tags);
        taken.add(time);
        taken.add(measurement);
        taken.add(corrupt);
        taken.addAll(RESERVED);
        List<String> values = new ArrayList<>();
        if (mapping.valueFields().isEmpty()) {
            for (StructField field : schema.fields()) {
                if (!taken.contains(field.name()) && atomic(field.dataType())) {
                    values.add(field.name());
                }
            }
        } else {
            mapping.valueFields().forEach(field -> find(schema, field).filter(name -> !taken.contains(name)).ifPresent(values::add));
        }
        return new PointColumns(time, measurement, List.copyOf(tags), values, corrupt);
    }

    /** The projection, in the order {@link PointMapper} reads it. */
    Column[] selection() {
        List<Column> columns = new ArrayList<>();
        columns.add(column(time));
        if (measurement != null) {
            columns.add(column(measurement));
        }
        tags.forEach(tag -> columns.add(column(tag)));
        values.forEach(value -> columns.add(column(value)));
        if (corrupt != null) {
            columns.add(column(corrupt));
        }
        return columns.toArray(Column[]::new);
    }

    private static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }

    // The exact name, else the one name equal ignoring case (and a byte-order mark a CSV header may start with).
    private static Optional<String> find(StructType schema, String field) {
        List<String> loose = new ArrayList<>();
        for (String name : schema.fieldNames()) {
            if (name.equals(field)) {
                return Optional.of(name);
            }
            if (plain(name).equals(plain(field))) {
                loose.add(name);
            }
        }
        return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }

    private static String plain(String name) {
        return name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }

    private static boolean atomic(DataType type) {
        return type instanceof NumericType || type instanceof StringType || type instanceof BooleanType;
    }
}
