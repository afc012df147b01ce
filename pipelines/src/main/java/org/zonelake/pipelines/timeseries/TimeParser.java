package org.zonelake.pipelines.timeseries;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a record's time as an instant, in a format a {@code TimeSeriesMapping} names: {@code iso}, {@code epoch_s},
 * {@code epoch_ms}, {@code epoch_us}, {@code epoch_ns}, a {@link DateTimeFormatter} pattern read as UTC, or
 * {@code auto} (the built-in sensor format: ISO-8601 text, or an epoch number whose unit its magnitude tells).
 */
final class TimeParser {
    static final String AUTO = "auto";
    static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    // The range of nanosecond timestamps (InfluxDB's): a point outside it would fail in the store, mid-write.
    private static final Instant EARLIEST = Instant.parse("1677-09-22T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2262-04-10T23:59:59Z");
    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    private final String format;
    private final long unitNanos;
    private final DateTimeFormatter pattern;

    private TimeParser(String format, long unitNanos, DateTimeFormatter pattern) {
        this.format = format;
        this.unitNanos = unitNanos;
        this.pattern = pattern;
    }

    /** The parser for {@code format}; IllegalArgumentException if it is neither a known name nor a valid pattern. */
    static TimeParser of(String format) {
        return switch (format) {
            case "iso", AUTO -> new TimeParser(format, 0, null);
            case "epoch_s" -> new TimeParser(format, 1_000_000_000L, null);
            case "epoch_ms" -> new TimeParser(format, 1_000_000L, null);
            case "epoch_us" -> new TimeParser(format, 1_000L, null);
            case "epoch_ns" -> new TimeParser(format, 1L, null);
            default -> new TimeParser(format, 0, DateTimeFormatter.ofPattern(format, Locale.ROOT));
        };
    }

    /** The instant of {@code value} (a string or a number); BadRecordException saying why not. */
    Instant parse(Object value) {
        if (value == null) {
            throw new BadRecordException("has no time");
        }
        Instant instant = read(value);
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadRecordException("has time " + quoted(value) + " = " + instant
                    + ", outside the years 1678 to 2261 a point can have");
        }
        return instant;
    }

    private Instant read(Object value) {
        if (!(value instanceof Number) && !(value instanceof String)) {
            throw new BadRecordException("has time " + quoted(value) + ", which is neither text nor a number");
        }
        if (pattern != null) {
            return byPattern(value.toString().trim());
        }
        if (unitNanos > 0) {
            return epoch(value, unitNanos);
        }
        String text = value.toString().trim();
        if (format.equals(AUTO) && (value instanceof Number || NUMBER.matcher(text).matches())) {
            return epoch(value, autoUnit(decimal(value)));
        }
        if (value instanceof Number) {
            throw new BadRecordException("has time " + value + ", a number, but the time format is " + format + " (ISO-8601 text)");
        }
        return iso(text);
    }

    private static Instant iso(String text) {
        String normalised = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            if (normalised.length() <= 10) {
                return LocalDate.parse(normalised).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(normalised, ZonedDateTime::from, LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned ? zoned.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new BadRecordException("has time " + quoted(text) + ", which is not ISO-8601 (like 2024-05-01T12:00:00Z)");
        }
    }

    private Instant byPattern(String text) {
        try {
            TemporalAccessor parsed = pattern.parse(text);
            if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
                return Instant.from(parsed);
            }
            if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
            }
            return LocalDate.from(parsed).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            throw new BadRecordException("has time " + quoted(text) + ", which does not match the pattern '" + format + "'");
        }
    }

    private Instant epoch(Object value, long nanosPerUnit) {
        BigDecimal units = decimal(value);
        try {
            BigInteger nanos = units.multiply(BigDecimal.valueOf(nanosPerUnit)).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
            BigInteger[] secondsAndNanos = nanos.divideAndRemainder(BILLION);
            return Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());
        } catch (ArithmeticException | DateTimeException e) {
            throw new BadRecordException("has time " + quoted(value) + ", too far from 1970 to be a time");
        }
    }

    private BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal big) {
            return big;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        String text = value.toString().trim();
        if (!NUMBER.matcher(text).matches()) {
            throw new BadRecordException("has time " + quoted(value) + ", which is not a number of " + unitName());
        }
        return new BigDecimal(text);
    }

    // Seconds up to the year 5138, then milliseconds, microseconds, nanoseconds: the usual epoch magnitudes.
    private static long autoUnit(BigDecimal value) {
        BigDecimal magnitude = value.abs();
        if (magnitude.compareTo(BigDecimal.valueOf(1e11)) < 0) {
            return 1_000_000_000L;
        }
        if (magnitude.compareTo(BigDecimal.valueOf(1e14)) < 0) {
            return 1_000_000L;
        }
        return magnitude.compareTo(BigDecimal.valueOf(1e17)) < 0 ? 1_000L : 1L;
    }

    private String unitName() {
        return switch (format) {
            case "epoch_s" -> "epoch seconds";
            case "epoch_ms" -> "epoch milliseconds";
            case "epoch_us" -> "epoch microseconds";
            case "epoch_ns" -> "epoch nanoseconds";
            default -> "epoch seconds, milliseconds, microseconds or nanoseconds";
        };
    }

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
