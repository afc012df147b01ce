package org.zonelake.timeseries;

import static java.util.Objects.requireNonNull;
import static org.zonelake.core.error.ErrorCode.INVALID_REQUEST;
import static org.zonelake.core.error.ErrorCode.MEASUREMENT_NOT_FOUND;
import static org.zonelake.timeseries.InfluxQl.identifier;
import static org.zonelake.timeseries.InfluxQl.literal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
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
 * The time-series zone on an InfluxDB 1.x HTTP API (also served by 2.x and 3.x): a database per project
 * ({@code zl_<project>}, created on first write), the object's old points deleted before its new ones are written in
 * batches, InfluxQL for reads, exports streamed as chunked queries.
 */
public final class InfluxDbTimeSeriesStore implements TimeSeriesStore {
    public static final int DEFAULT_BATCH_SIZE = 5_000;
    static final String DATABASE_PREFIX = "zl_";
    private static final int CHUNK_SIZE = 10_000;
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

    private final String url;
    private final InfluxDB influx;
    private final int batchSize;
    private final Set<String> databases = ConcurrentHashMap.newKeySet();

    public InfluxDbTimeSeriesStore(TimeSeriesConfig config) {
        this(config, DEFAULT_BATCH_SIZE);
    }

    /** @param batchSize points per write request */
    public InfluxDbTimeSeriesStore(TimeSeriesConfig config, int batchSize) {
        requireNonNull(config, "config is null");
        if (config.embedded()) {
            throw new IllegalArgumentException("No InfluxDB URL configured: the embedded engine is QuestDbTimeSeriesStore");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        this.url = config.influxdbUrl();
        this.batchSize = batchSize;
        OkHttpClient.Builder http = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS).writeTimeout(1, TimeUnit.MINUTES);
        // JSON answers: the MessagePack reader of influxdb-java drops the error of a failed statement.
        this.influx = config.authenticated()
                ? InfluxDBFactory.connect(url, config.influxdbUser(), config.influxdbPassword(), http)
                : InfluxDBFactory.connect(url, http);
        this.influx.enableGzip();
    }

    static String database(String project) {
        return DATABASE_PREFIX + PointRules.requireProject(project);
    }

    @Override
    public long replacePoints(Provenance provenance, Iterator<Point> points) {
        requireNonNull(provenance, "provenance is null");
        requireNonNull(points, "points is null");
        String database = database(provenance.project());
        List<org.influxdb.dto.Point> batch = new ArrayList<>(Math.min(batchSize, 1024));
        boolean cleared = false;
        long written = 0;
        while (points.hasNext()) {
            batch.add(InfluxPoints.toInflux(points.next(), provenance));
            if (batch.size() == batchSize) {
                // Old points go only once a whole batch is read and checked: a failure before that changes nothing.
                cleared = cleared || clear(database, provenance.objectId());
                written += write(database, batch);
                batch.clear();
            }
        }
        if (!cleared) {
            clear(database, provenance.objectId());
        }
        return written + write(database, batch);
    }

    private boolean clear(String database, long objectId) {
        if (!databases.contains(database)) {
            execute(database, "CREATE DATABASE " + identifier(database));
            databases.add(database);
        }
        execute(database, "DELETE WHERE " + identifier(OBJECT_TAG) + " = " + literal(Long.toString(objectId)));
        return true;
    }

    private int write(String database, List<org.influxdb.dto.Point> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            influx.write(BatchPoints.database(database).points(batch).build());
        } catch (RuntimeException e) {
            throw InfluxErrors.translateWrite(e, "Cannot write " + batch.size() + " points to InfluxDB database " + database);
        }
        return batch.size();
    }

    @Override
    public List<Measurement> measurements(String project) {
        String database = database(project);
        List<Measurement> measurements = new ArrayList<>();
        Map<String, List<String>> tags = keys(database, "SHOW TAG KEYS");
        Map<String, Map<String, String>> fields = fieldTypes(database, "SHOW FIELD KEYS");
        for (String name : measurementNames(database, "SHOW MEASUREMENTS")) {
            List<String> tagKeys = new ArrayList<>(tags.getOrDefault(name, List.of()));
            tagKeys.remove(OBJECT_TAG);
            List<String> fieldKeys = new ArrayList<>(fields.getOrDefault(name, Map.of()).keySet());
            fieldKeys.remove(RUN_FIELD);
            tagKeys.sort(null);
            fieldKeys.sort(null);
            measurements.add(new Measurement(name, tagKeys, fieldKeys));
        }
        return measurements;
    }

    @Override
    public List<String> tagValues(String project, String measurement, String tagKey) {
        requireNonNull(tagKey, "tagKey is null");
        String database = requireMeasurement(project, measurement);
        List<String> values = new ArrayList<>();
        rows(database, "SHOW TAG VALUES FROM " + identifier(measurement) + " WITH KEY = " + identifier(tagKey),
                (series, row) -> values.add(String.valueOf(row.get(1))));
        values.sort(null);
        return values;
    }

    @Override
    public List<Bucket> query(TimeSeriesQuery query) {
        requireNonNull(query, "query is null");
        String database = requireMeasurement(query.project(), query.measurement());
        String type = fieldTypes(database, "SHOW FIELD KEYS FROM " + identifier(query.measurement()))
                .getOrDefault(query.measurement(), Map.of()).get(query.field());
        if (type == null || query.field().equals(RUN_FIELD)) {
            throw LakeException.of(INVALID_REQUEST, "Measurement %s of project %s has no field %s", query.measurement(), query.project(), query.field());
        }
        if (!type.equals("float") && !type.equals("integer")) {
            throw LakeException.of(INVALID_REQUEST, "Cannot aggregate field %s of measurement %s: it does not hold numbers", query.field(), query.measurement());
        }
        BucketGrid grid = BucketGrid.of(query);
        StringBuilder sql = new StringBuilder("SELECT " + function(query) + "(" + identifier(query.field()) + "::field) FROM "
                + identifier(query.measurement()) + " WHERE time >= " + InfluxQl.nanos(query.from()) + " AND time < " + InfluxQl.nanos(query.to()));
        new TreeMap<>(query.tags()).forEach((key, value) -> sql.append(" AND ").append(identifier(key)).append("::tag = ").append(literal(value)));
        sql.append(" GROUP BY time(").append(InfluxQl.duration(query.interval())).append(") fill(none)");
        rows(database, sql.toString(), (series, row) -> grid.put(BucketGrid.epochNanos(Instant.parse((String) row.get(0)), query), (Number) row.get(1)));
        return grid.buckets();
    }

    @Override
    public void export(String project, String measurement, Instant from, Instant to, RecordSink<Point> sink) {
        requireNonNull(sink, "sink is null");
        String database = requireMeasurement(project, measurement);
        Set<String> tagKeys = Set.copyOf(keys(database, "SHOW TAG KEYS FROM " + identifier(measurement)).getOrDefault(measurement, List.of()));
        Map<String, String> fieldTypes = fieldTypes(database, "SHOW FIELD KEYS FROM " + identifier(measurement)).getOrDefault(measurement, Map.of());
        StringBuilder sql = new StringBuilder("SELECT * FROM " + identifier(measurement));
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add("time >= " + InfluxQl.nanos(from));
        }
        if (to != null) {
            conditions.add("time < " + InfluxQl.nanos(to));
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        InfluxPoints reader = new InfluxPoints(measurement, tagKeys, fieldTypes);
        InfluxChunks.forEach(influx, new Query(sql.toString(), database), CHUNK_SIZE, READ_TIMEOUT,
                result -> forEachRow(result, (series, row) -> send(sink, reader.point(series.getColumns(), row), project)));
    }

    private static void send(RecordSink<Point> sink, Point point, String project) {
        try {
            sink.accept(point);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot export measurement " + point.measurement() + " of project " + project + ": the sink failed", e);
        }
    }

    @Override
    public List<DerivedRecords> derivedFrom(String project, long objectId) {
        String database = database(project);
        String sql = "SELECT count(" + identifier(RUN_FIELD) + "), last(" + identifier(RUN_FIELD) + ") FROM /.*/ WHERE "
                + identifier(OBJECT_TAG) + " = " + literal(Long.toString(objectId));
        Map<String, DerivedRecords> derived = new TreeMap<>();
        rows(database, sql, (series, row) -> {
            long count = ((Number) row.get(1)).longValue();
            if (count > 0) {
                derived.put(series.getName(), new DerivedRecords(GoldZone.TIME_SERIES, QuestDbTimeSeriesStore.KIND, series.getName(), count,
                        objectId, String.valueOf(row.get(2))));
            }
        });
        return List.copyOf(derived.values());
    }

    @Override
    public void close() {
        influx.close();
    }

    private String requireMeasurement(String project, String measurement) {
        String database = database(project);
        PointRules.requireMeasurement(measurement);
        if (measurementNames(database, "SHOW MEASUREMENTS WITH MEASUREMENT = " + identifier(measurement)).isEmpty()) {
            throw LakeException.of(MEASUREMENT_NOT_FOUND, "Measurement %s does not exist in project %s", measurement, project);
        }
        return database;
    }

    private List<String> measurementNames(String database, String command) {
        List<String> names = new ArrayList<>();
        rows(database, command, (series, row) -> names.add(String.valueOf(row.get(0))));
        return names;
    }

    private Map<String, List<String>> keys(String database, String command) {
        Map<String, List<String>> keys = new HashMap<>();
        rows(database, command, (series, row) -> keys.computeIfAbsent(series.getName(), m -> new ArrayList<>()).add(String.valueOf(row.get(0))));
        return keys;
    }

    /** Field key → InfluxDB type ({@code float}, {@code integer}, {@code string}, {@code boolean}), per measurement. */
    private Map<String, Map<String, String>> fieldTypes(String database, String command) {
        Map<String, Map<String, String>> types = new HashMap<>();
        rows(database, command, (series, row) -> types.computeIfAbsent(series.getName(), m -> new TreeMap<>())
                .put(String.valueOf(row.get(0)), String.valueOf(row.get(1))));
        return types;
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(QueryResult.Series series, List<Object> row);
    }

    /** Runs a read; a project whose database was never created has no rows. */
    private void rows(String database, String command, RowHandler handler) {
        QueryResult result = run(database, command);
        if (!InfluxErrors.isDatabaseNotFound(result)) {
            forEachRow(InfluxErrors.checked(result, command), handler);
        }
    }

    private static void forEachRow(QueryResult result, RowHandler handler) {
        if (result.getResults() == null) {
            return;
        }
        for (QueryResult.Result statement : result.getResults()) {
            if (statement.getSeries() != null) {
                for (QueryResult.Series series : statement.getSeries()) {
                    if (series.getValues() != null) {
                        series.getValues().forEach(row -> handler.accept(series, row));
                    }
                }
            }
        }
    }

    private void execute(String database, String command) {
        InfluxErrors.checked(run(database, command), command);
    }

    private QueryResult run(String database, String command) {
        try {
            return influx.query(new Query(command, database));
        } catch (RuntimeException e) {
            throw InfluxErrors.translate(e, "Cannot run " + command + " on InfluxDB at " + url);
        }
    }

    private static String function(TimeSeriesQuery query) {
        return switch (query.aggregate()) {
            case MEAN -> "mean";
            case MIN -> "min";
            case MAX -> "max";
            case SUM -> "sum";
            case COUNT -> "count";
            case FIRST -> "first";
            case LAST -> "last";
        };
    }
}
