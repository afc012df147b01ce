package org.zonelake.timeseries;

import static java.util.Objects.requireNonNull;
import static org.zonelake.core.error.ErrorCode.INVALID_REQUEST;
import static org.zonelake.core.error.ErrorCode.MEASUREMENT_NOT_FOUND;
import static org.zonelake.timeseries.QuestDbNames.literal;
import static org.zonelake.timeseries.QuestDbNames.quoted;
import static org.zonelake.timeseries.QuestDbSchema.OBJECT;
import static org.zonelake.timeseries.QuestDbSchema.REMOVED;
import static org.zonelake.timeseries.QuestDbSchema.SYMBOL;
import static org.zonelake.timeseries.QuestDbSchema.TIME;
import static org.zonelake.timeseries.QuestDbSchema.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.GoldZone;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.RecordSink;
import org.zonelake.core.gold.timeseries.Bucket;
import org.zonelake.core.gold.timeseries.Measurement;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.gold.timeseries.TimeSeriesQuery;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;

/**
 * The time-series zone on QuestDB over HTTP: points go in as line protocol ({@code /write}), reads are SQL
 * ({@code /exec}), so the same code serves the embedded engine and a QuestDB server. A table per project and
 * measurement ({@link QuestDbNames}), deduplicated on time and tags; QuestDB cannot delete rows, so an object's stale
 * points are marked removed by an UPDATE and every read skips them.
 */
public final class QuestDbTimeSeriesStore implements TimeSeriesStore {
    public static final int DEFAULT_BATCH_SIZE = 10_000;
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    static final String KIND = "points";
    private static final AtomicLong LAST_WRITE_ID = new AtomicLong();

    private final QuestDbClient client;
    private final QuestDbSchema schema;
    private final QuestDbWal wal;
    private final int batchSize;
    private final AutoCloseable owned;

    public QuestDbTimeSeriesStore(URI httpUri) {
        this(httpUri, DEFAULT_BATCH_SIZE, DEFAULT_VISIBILITY_TIMEOUT);
    }

    /**
     * @param batchSize points sent per request (and per transaction of a table)
     * @param visibilityTimeout how long {@code replacePoints} waits for QuestDB to make the points queryable
     */
    public QuestDbTimeSeriesStore(URI httpUri, int batchSize, Duration visibilityTimeout) {
        this(httpUri, batchSize, visibilityTimeout, () -> { });
    }

    private QuestDbTimeSeriesStore(URI httpUri, int batchSize, Duration visibilityTimeout, AutoCloseable owned) {
        requireNonNull(httpUri, "httpUri is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        this.client = new QuestDbClient(httpUri, visibilityTimeout.plusSeconds(30));
        this.wal = new QuestDbWal(client, visibilityTimeout);
        this.schema = new QuestDbSchema(client, wal);
        this.batchSize = batchSize;
        this.owned = owned;
    }

    /** A store on the embedded engine that stops it on {@link #close()}. */
    public static QuestDbTimeSeriesStore owning(EmbeddedQuestDb questDb) {
        return new QuestDbTimeSeriesStore(questDb.httpUri(), DEFAULT_BATCH_SIZE, DEFAULT_VISIBILITY_TIMEOUT, questDb);
    }

    @Override
    public long replacePoints(Provenance provenance, Iterator<Point> points) {
        requireNonNull(provenance, "provenance is null");
        requireNonNull(points, "points is null");
        PointRules.requireProject(provenance.project());
        long writeId = nextWriteId();
        Set<String> touched = new LinkedHashSet<>();
        List<Point> batch = new ArrayList<>(Math.min(batchSize, 1024));
        long written = 0;
        while (points.hasNext()) {
            batch.add(QuestDbPoints.checked(provenance.project(), points.next()));
            if (batch.size() == batchSize) {
                written += writeBatch(provenance, batch, writeId, touched);
                batch.clear();
            }
        }
        written += writeBatch(provenance, batch, writeId, touched);
        touched.addAll(markStale(provenance, writeId));
        wal.awaitApplied(touched);
        return written;
    }

    private int writeBatch(Provenance provenance, List<Point> batch, long writeId, Set<String> touched) {
        Map<String, List<Point>> byTable = new LinkedHashMap<>();
        batch.forEach(point -> byTable.computeIfAbsent(QuestDbNames.table(provenance.project(), point.measurement()), t -> new ArrayList<>()).add(point));
        byTable.forEach((table, tablePoints) -> {
            String measurement = tablePoints.get(0).measurement();
            QuestDbSchema.Columns columns = schema.ensure(measurement, table, QuestDbPoints.tagKeys(tablePoints),
                    QuestDbPoints.fieldTypes(measurement, tablePoints));
            QuestDbLines lines = new QuestDbLines();
            tablePoints.forEach(point -> lines.append(table, columns, point, provenance, writeId));
            client.write(lines.text());
            touched.add(table);
        });
        return batch.size();
    }

    /** Marks the object's rows that this write did not rewrite; returns the tables changed. */
    private List<String> markStale(Provenance provenance, long writeId) {
        List<String> changed = new ArrayList<>();
        String where = " WHERE " + OBJECT + " = " + literal(Long.toString(provenance.objectId())) + " AND " + WRITE + " != " + writeId
                + " AND NOT " + REMOVED;
        for (String table : tables(provenance.project()).keySet()) {
            if (count("SELECT count() FROM " + quoted(table) + where) > 0) {
                client.execute("UPDATE " + quoted(table) + " SET " + REMOVED + " = true" + where);
                changed.add(table);
            }
        }
        return changed;
    }

    @Override
    public List<Measurement> measurements(String project) {
        PointRules.requireProject(project);
        List<Measurement> measurements = new ArrayList<>();
        tables(project).forEach((table, measurement) -> {
            if (hasPoints(table)) {
                measurements.add(describe(measurement, schema.reload(table).orElseThrow()));
            }
        });
        return measurements;
    }

    @Override
    public List<String> tagValues(String project, String measurement, String tagKey) {
        requireNonNull(tagKey, "tagKey is null");
        String table = requireTable(project, measurement);
        String column = tagColumn(table, tagKey);
        if (column == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        client.query("SELECT DISTINCT " + quoted(column) + " FROM " + quoted(table) + " WHERE NOT " + REMOVED + " AND " + quoted(column)
                + " IS NOT NULL", (columns, row) -> values.add(row.get(0).asText()));
        values.sort(null);
        return values;
    }

    @Override
    public List<Bucket> query(TimeSeriesQuery query) {
        requireNonNull(query, "query is null");
        String table = requireTable(query.project(), query.measurement());
        String field = numericField(query, table);
        BucketGrid grid = BucketGrid.of(query);
        StringBuilder where = new StringBuilder(" WHERE NOT " + REMOVED + " AND " + quoted(field) + " IS NOT NULL AND " + TIME + " >= "
                + micros(query.from()) + " AND " + TIME + " < " + micros(query.to()));
        for (Map.Entry<String, String> tag : new TreeMap<>(query.tags()).entrySet()) {
            String column = tagColumn(table, tag.getKey());
            if (column == null) {
                return grid.buckets();
            }
            where.append(" AND ").append(quoted(column)).append(" = ").append(literal(tag.getValue()));
        }
        String sql = "SELECT " + TIME + ", " + function(query) + "(" + quoted(field) + ") FROM " + quoted(table) + where
                + " SAMPLE BY " + sampleUnit(query) + " ALIGN TO CALENDAR";
        client.query(sql, (columns, row) -> grid.put(BucketGrid.epochNanos(Instant.parse(row.get(0).asText()), query),
                row.get(1).isNull() ? null : row.get(1).numberValue()));
        return grid.buckets();
    }

    @Override
    public void export(String project, String measurement, Instant from, Instant to, RecordSink<Point> sink) {
        requireNonNull(sink, "sink is null");
        String table = requireTable(project, measurement);
        StringBuilder sql = new StringBuilder("SELECT * FROM " + quoted(table) + " WHERE NOT " + REMOVED);
        if (from != null) {
            sql.append(" AND ").append(TIME).append(" >= ").append(micros(from));
        }
        if (to != null) {
            sql.append(" AND ").append(TIME).append(" < ").append(micros(to));
        }
        QuestDbPointReader reader = new QuestDbPointReader(measurement);
        client.query(sql.append(" ORDER BY ").append(TIME).toString(), (columns, row) -> {
            Point point = reader.read(columns, row);
            if (point != null) {
                try {
                    sink.accept(point);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot export measurement " + measurement + " of project " + project + ": the sink failed", e);
                }
            }
        });
    }

    @Override
    public List<DerivedRecords> derivedFrom(String project, long objectId) {
        PointRules.requireProject(project);
        List<DerivedRecords> derived = new ArrayList<>();
        tables(project).forEach((table, measurement) -> {
            long[] count = {0};
            long[] newestWrite = {Long.MIN_VALUE};
            String[] runId = {null};
            client.query("SELECT " + QuestDbSchema.RUN + ", count(), max(" + WRITE + ") FROM " + quoted(table) + " WHERE " + OBJECT + " = "
                    + literal(Long.toString(objectId)) + " AND NOT " + REMOVED, (columns, row) -> {
                count[0] += row.get(1).asLong();
                if (row.get(2).asLong() > newestWrite[0]) {
                    newestWrite[0] = row.get(2).asLong();
                    runId[0] = row.get(0).asText();
                }
            });
            if (count[0] > 0) {
                derived.add(new DerivedRecords(GoldZone.TIME_SERIES, KIND, measurement, count[0], objectId, runId[0]));
            }
        });
        return derived;
    }

    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the embedded QuestDB", e);
        }
    }

    /** The project's tables by measurement name order. */
    private Map<String, String> tables(String project) {
        Map<String, String> byMeasurement = new TreeMap<>();
        client.query("SELECT table_name FROM tables()", (columns, row) -> QuestDbNames.measurement(project, row.get(0).asText())
                .ifPresent(measurement -> byMeasurement.put(measurement, row.get(0).asText())));
        Map<String, String> tables = new LinkedHashMap<>();
        byMeasurement.forEach((measurement, table) -> tables.put(table, measurement));
        return tables;
    }

    private String requireTable(String project, String measurement) {
        PointRules.requireProject(project);
        PointRules.requireMeasurement(measurement);
        String table = QuestDbNames.table(project, measurement);
        if (schema.reload(table).isEmpty() || !hasPoints(table)) {
            throw LakeException.of(MEASUREMENT_NOT_FOUND, "Measurement %s does not exist in project %s", measurement, project);
        }
        return table;
    }

    private boolean hasPoints(String table) {
        return !client.rows("SELECT " + TIME + " FROM " + quoted(table) + " WHERE NOT " + REMOVED + " LIMIT 1").isEmpty();
    }

    private long count(String sql) {
        return client.rows(sql).get(0).get(0).asLong();
    }

    /** The SYMBOL column of a tag (the provenance tag included), or null if the measurement has no such tag. */
    private String tagColumn(String table, String tagKey) {
        return schema.columns(table).flatMap(columns -> columns.find(tagKey)).filter(c -> c.type().equals(SYMBOL))
                .map(QuestDbClient.SqlColumn::name).orElse(null);
    }

    private String numericField(TimeSeriesQuery query, String table) {
        QuestDbClient.SqlColumn column = schema.columns(table).flatMap(columns -> columns.find(query.field()))
                .filter(c -> !QuestDbPointReader.isInternal(c.name()) && !c.type().equals(SYMBOL))
                .orElseThrow(() -> LakeException.of(INVALID_REQUEST, "Measurement %s of project %s has no field %s",
                        query.measurement(), query.project(), query.field()));
        if (!column.type().equals("DOUBLE") && !column.type().equals("LONG")) {
            throw LakeException.of(INVALID_REQUEST, "Cannot aggregate field %s of measurement %s: it does not hold numbers",
                    query.field(), query.measurement());
        }
        return column.name();
    }

    private static String function(TimeSeriesQuery query) {
        return switch (query.aggregate()) {
            case MEAN -> "avg";
            case MIN -> "min";
            case MAX -> "max";
            case SUM -> "sum";
            case COUNT -> "count";
            case FIRST -> "first";
            case LAST -> "last";
        };
    }

    /** The interval in the largest of QuestDB's units that divides it: d, h, m, s, T (ms) or U (µs). */
    private static String sampleUnit(TimeSeriesQuery query) {
        long nanos = query.interval().toNanos();
        if (nanos % 1_000 != 0) {
            throw LakeException.of(INVALID_REQUEST, "Cannot query by %s: QuestDB buckets are whole microseconds", query.interval());
        }
        long micros = nanos / 1_000;
        long[] sizes = {86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L, 1_000L, 1L};
        String[] units = {"d", "h", "m", "s", "T", "U"};
        int i = 0;
        while (micros % sizes[i] != 0) {
            i++;
        }
        return micros / sizes[i] + units[i];
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static Measurement describe(String measurement, QuestDbSchema.Columns columns) {
        List<String> tags = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        columns.byName().values().forEach(column -> {
            if (!QuestDbPointReader.isInternal(column.name())) {
                (column.type().equals(SYMBOL) ? tags : fields).add(column.name());
            }
        });
        tags.sort(null);
        fields.sort(null);
        return new Measurement(measurement, tags, fields);
    }

    private static long nextWriteId() {
        long now = Math.multiplyExact(System.currentTimeMillis(), 1_000L);
        return LAST_WRITE_ID.updateAndGet(last -> Math.max(now, last + 1));
    }
}
