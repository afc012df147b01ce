package org.zonelake.ingest.templates;

import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.metadata.TemplateProcessing;
import org.zonelake.core.metadata.TimeSeriesMapping;

/**
 * The {@code processing} member of a template body: how the process zone maps the template's objects to the time-series
 * zone, and the SQL table its tabular objects share. Checked here so that a bad mapping is a 400 when the template is
 * saved, not a failed run later.
 */
record ProcessingBody(TimeSeriesBody timeSeries, String table) {
    static final Set<String> TIME_FORMATS = Set.of("iso", "epoch_s", "epoch_ms", "epoch_us", "epoch_ns");
    /** Names every time-series engine accepts without quoting. */
    private static final Pattern MEASUREMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern PATH = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");
    private static final int MAX_FIELD_LENGTH = 256;

    /** See {@link TimeSeriesMapping} for the meaning of each member. */
    record TimeSeriesBody(String measurement, String measurementField, String timeField, String timeFormat, List<String> tagFields,
                          List<String> valueFields, String readingsPath) {}

    TemplateProcessing toProcessing() {
        return new TemplateProcessing(timeSeries == null ? null : mapping(timeSeries), checkedTable());
    }

    private String checkedTable() {
        if (table == null || table.isBlank()) {
            return null;
        }
        if (!Column.NAME.matcher(table).matches()) {
            throw invalid("processing.table '%s' must be a lower-case SQL name: a letter or _, then letters, digits or _ (at most 63)", table);
        }
        return table;
    }

    private static TimeSeriesMapping mapping(TimeSeriesBody body) {
        if (body.measurement() == null || !MEASUREMENT.matcher(body.measurement()).matches()) {
            throw invalid("processing.time_series.measurement '%s' must be 1 to 128 of letters, digits, _ . and -", body.measurement());
        }
        String timeField = field(body.timeField(), "time_field");
        if (timeField == null) {
            throw invalid("processing.time_series.time_field is required: the record field holding the time");
        }
        String measurementField = field(body.measurementField(), "measurement_field");
        List<String> tags = fields(body.tagFields(), "tag_fields");
        List<String> values = fields(body.valueFields(), "value_fields");
        checkDisjoint(timeField, tags, values);
        return new TimeSeriesMapping(body.measurement(), measurementField, timeField, timeFormat(body.timeFormat()), tags, values,
                readingsPath(body.readingsPath()));
    }

    private static String field(String name, String member) {
        if (name == null) {
            return null;
        }
        if (name.isBlank() || name.length() > MAX_FIELD_LENGTH) {
            throw invalid("processing.time_series.%s '%s' must name a record field (1 to %d characters)", member, name, MAX_FIELD_LENGTH);
        }
        return name;
    }

    private static List<String> fields(List<String> names, String member) {
        if (names == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (field(name, member) == null) {
                throw invalid("processing.time_series.%s holds null", member);
            }
            if (!seen.add(name)) {
                throw invalid("processing.time_series.%s names '%s' twice", member, name);
            }
        }
        return List.copyOf(names);
    }

    private static void checkDisjoint(String timeField, List<String> tags, List<String> values) {
        if (tags.contains(timeField) || values.contains(timeField)) {
            throw invalid("processing.time_series: the time field '%s' cannot also be a tag or value field", timeField);
        }
        for (String tag : tags) {
            if (values.contains(tag)) {
                throw invalid("processing.time_series: '%s' is both a tag field and a value field", tag);
            }
        }
    }

    /** One of {@link #TIME_FORMATS} or a {@link DateTimeFormatter} pattern. */
    private static String timeFormat(String format) {
        if (format == null || format.isBlank() || TIME_FORMATS.contains(format)) {
            return format;
        }
        try {
            DateTimeFormatter.ofPattern(format);
            return format;
        } catch (IllegalArgumentException e) {
            throw invalid("processing.time_series.time_format '%s' is neither one of iso, epoch_s, epoch_ms, epoch_us, epoch_ns nor a valid "
                    + "date-time pattern: %s", format, e.getMessage());
        }
    }

    private static String readingsPath(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        if (!PATH.matcher(path).matches()) {
            throw invalid("processing.time_series.readings_path '%s' must be a dot path such as data.readings", path);
        }
        return path;
    }

    private static LakeException invalid(String format, Object... args) {
        return LakeException.of(ErrorCode.INVALID_TEMPLATE, format, args);
    }
}
