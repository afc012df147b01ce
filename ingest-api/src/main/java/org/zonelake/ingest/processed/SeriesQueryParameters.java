package org.zonelake.ingest.processed;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zonelake.core.gold.timeseries.Aggregate;
import org.zonelake.core.gold.timeseries.Measurement;
import org.zonelake.core.gold.timeseries.TimeSeriesQuery;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;
import org.zonelake.ingest.QueryParameters;

/**
 * The query string of {@code GET .../timeseries/{measurement}/query} as a {@link TimeSeriesQuery}: {@code field} (may be
 * left out when the measurement has one field), {@code from} and {@code to} (default: now, and a day before {@code to}),
 * {@code interval} ({@code 10s}, {@code 5m}, {@code 1h}, {@code 1d}; default {@code 1m}), {@code aggregate} (default
 * {@code mean}), and {@code tag.<key>=<value>} filters. At most {@value #MAX_BUCKETS} buckets per query.
 */
final class SeriesQueryParameters {
    static final int MAX_BUCKETS = 10_000;
    static final Duration DEFAULT_RANGE = Duration.ofDays(1);
    static final String DEFAULT_INTERVAL = "1m";
    static final String TAG_PREFIX = "tag.";
    private static final Set<String> KNOWN = Set.of("field", "from", "to", "interval", "aggregate");
    private static final Pattern INTERVAL = Pattern.compile("([1-9][0-9]{0,8})([smhd])");
    /** The instants every time-series zone can hold: InfluxDB counts nanoseconds from 1970 in a signed long. */
    static final Instant EARLIEST = Instant.parse("1678-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2261-12-31T23:59:59Z");

    /** The query, and the interval as the client wrote it (for the answer). */
    record Parsed(TimeSeriesQuery query, String interval) {}

    private SeriesQueryParameters() {}

    static Parsed parse(Context ctx, String project, Measurement measurement, Instant now) {
        QueryParameters parameters = QueryParameters.of(ctx, KNOWN, TAG_PREFIX);
        String field = field(parameters, measurement);
        Instant to = storable(parameters.instant("to", true), "to");
        Instant from = storable(parameters.instant("from", false), "from");
        to = to != null ? to : now;
        from = from != null ? from : to.minus(DEFAULT_RANGE);
        if (!from.isBefore(to)) {
            throw QueryParameters.invalid("from", "must be before to: from " + from + ", to " + to);
        }
        String intervalText = parameters.text("interval") == null ? DEFAULT_INTERVAL : parameters.text("interval");
        Duration interval = interval(intervalText);
        checkBuckets(from, to, interval, intervalText);
        TimeSeriesQuery query = new TimeSeriesQuery(project, measurement.name(), field, from, to, interval, aggregate(parameters),
                tags(parameters, measurement));
        return new Parsed(query, intervalText);
    }

    private static String field(QueryParameters parameters, Measurement measurement) {
        String field = parameters.text("field");
        if (field == null && measurement.fieldKeys().size() == 1) {
            return measurement.fieldKeys().get(0);
        }
        if (field == null) {
            throw QueryParameters.invalid("field", "is required: measurement " + measurement.name() + " has the fields " + measurement.fieldKeys());
        }
        if (!measurement.fieldKeys().contains(field)) {
            throw QueryParameters.invalid("field", "names no field of measurement " + measurement.name() + ": '" + field + "'; its fields are "
                    + measurement.fieldKeys());
        }
        return field;
    }

    /** {@code <n>s}, {@code <n>m}, {@code <n>h} or {@code <n>d}. */
    static Duration interval(String text) {
        Matcher matcher = INTERVAL.matcher(text);
        if (!matcher.matches()) {
            throw QueryParameters.invalid("interval", "must be a number and a unit s, m, h or d, such as 10s, 5m, 1h or 1d, was '" + text + "'");
        }
        ChronoUnit unit = switch (matcher.group(2)) {
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        return Duration.of(Long.parseLong(matcher.group(1)), unit);
    }

    /** The instant itself (or null if not given), if a time-series zone can hold it; else a 400 naming the parameter. */
    static Instant storable(Instant instant, String parameter) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw QueryParameters.invalid(parameter, "must lie between " + EARLIEST + " and " + LATEST + ", was " + instant);
        }
        return instant;
    }

    private static void checkBuckets(Instant from, Instant to, Duration interval, String intervalText) {
        Duration range = Duration.between(from, to);
        long whole = range.dividedBy(interval);
        long buckets = whole + (range.equals(interval.multipliedBy(whole)) ? 0 : 1);
        if (buckets > MAX_BUCKETS) {
            throw QueryParameters.invalid("interval", intervalText + " gives " + buckets + " buckets from " + from + " to " + to + "; at most "
                    + MAX_BUCKETS + ": widen the interval or narrow the range");
        }
        // Buckets are aligned to the epoch, so the first starts before from and the last ends after to.
        long step = interval.getSeconds();
        Instant firstStart = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), step) * step);
        Instant lastEnd = Instant.ofEpochSecond(Math.floorDiv(to.getEpochSecond(), step) * step).plus(interval);
        if (firstStart.isBefore(EARLIEST) || lastEnd.isAfter(LATEST)) {
            throw QueryParameters.invalid("interval", intervalText + " gives buckets from " + firstStart + " to " + lastEnd + ", beyond what a "
                    + "time series can hold (" + EARLIEST + " to " + LATEST + "): narrow the interval or the range");
        }
    }

    private static Aggregate aggregate(QueryParameters parameters) {
        String value = parameters.text("aggregate");
        if (value == null) {
            return Aggregate.MEAN;
        }
        return Arrays.stream(Aggregate.values()).filter(a -> a.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> QueryParameters.invalid("aggregate", "must be one of " + wireNames() + ", was '" + value + "'"));
    }

    static List<String> wireNames() {
        return Arrays.stream(Aggregate.values()).map(a -> a.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** Filters on the measurement's tags, or on the source object ({@value TimeSeriesStore#OBJECT_TAG}). */
    private static Map<String, String> tags(QueryParameters parameters, Measurement measurement) {
        Map<String, String> tags = parameters.prefixed(TAG_PREFIX);
        for (String key : tags.keySet()) {
            if (!measurement.tagKeys().contains(key) && !key.equals(TimeSeriesStore.OBJECT_TAG)) {
                throw QueryParameters.invalid(TAG_PREFIX + key, "names no tag of measurement " + measurement.name() + "; its tags are "
                        + measurement.tagKeys());
            }
        }
        return tags;
    }
}
