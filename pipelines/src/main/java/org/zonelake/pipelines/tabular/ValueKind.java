package org.zonelake.pipelines.tabular;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;
import org.zonelake.core.gold.sql.ColumnType;

/**
 * What a text value can be read as, narrowest first: the order type inference tries them in. Values are
 * trimmed before they are read; a blank value is a null of any kind. Parsing returns the Java value the gold
 * zone takes for the column type ({@link ColumnType}), or throws {@link IllegalArgumentException} with a
 * sentence saying why the value does not fit.
 */
public enum ValueKind {
    BOOLEAN(ColumnType.BOOLEAN, "true or false"),
    INTEGER(ColumnType.INTEGER, "an integer"),
    DECIMAL(ColumnType.DECIMAL, "a decimal number"),
    DOUBLE(ColumnType.DOUBLE, "a number"),
    DATE(ColumnType.DATE, "a date (yyyy-MM-dd)"),
    DATE_DMY(ColumnType.DATE, "a date (dd/MM/yyyy)"),
    TIMESTAMP(ColumnType.TIMESTAMP, "a timestamp (yyyy-MM-ddTHH:mm:ss, optional zone)"),
    TEXT(ColumnType.TEXT, "text");

    /** Largest precision of a decimal column, as in Spark and PostgreSQL's indexable range. */
    public static final int MAX_PRECISION = 38;

    // Leading zeros ("007") make a code, not a number.
    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(0|[1-9][0-9]*)(\\.[0-9]+)?|[+-]?\\.[0-9]+");
    private static final Pattern EXPONENT_TEXT = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)[eE][+-]?[0-9]+");
    private static final Pattern ISO_DATE_TEXT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DMY_DATE_TEXT = Pattern.compile("[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}");
    private static final Pattern TIMESTAMP_TEXT = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]{1,9})?)?\\s?(Z|z|UTC|[+-][0-9]{2}(:?[0-9]{2})?)?)?");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP_FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().parseLenient().appendOffset("+HH", "Z").parseStrict().optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private final ColumnType columnType;
    private final String description;

    ValueKind(ColumnType columnType, String description) {
        this.columnType = columnType;
        this.description = description;
    }

    public ColumnType columnType() {
        return columnType;
    }

    /** How a value of this kind is written, for messages: "an integer", "a date (yyyy-MM-dd)". */
    public String description() {
        return description;
    }

    /** Whether the (trimmed, non-blank) value can be read as this kind; decimals of any scale fit. */
    public boolean fits(String value) {
        if (this == DECIMAL) {
            return DECIMAL_TEXT.matcher(value).matches();
        }
        try {
            parse(value, 0);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The value read as this kind; {@code null} for a blank value. A decimal keeps at most {@code scale} places
     * (it is given exactly that scale). Text is returned untrimmed.
     */
    public Object parse(String raw, int scale) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        return switch (this) {
            case BOOLEAN -> parseBoolean(value);
            case INTEGER -> parseInteger(value);
            case DECIMAL -> parseDecimal(value, scale);
            case DOUBLE -> parseDouble(value);
            case DATE -> parseIsoDate(value);
            case DATE_DMY -> parseDmyDate(value);
            case TIMESTAMP -> parseTimestamp(value);
            case TEXT -> raw;
        };
    }

    private IllegalArgumentException misfit(String value) {
        return new IllegalArgumentException("'" + abbreviated(value) + "' is not " + description);
    }

    private Boolean parseBoolean(String value) {
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw misfit(value);
    }

    private Long parseInteger(String value) {
        if (!INTEGER_TEXT.matcher(value).matches()) {
            throw misfit(value);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + abbreviated(value) + "' is too large for an integer");
        }
    }

    private BigDecimal parseDecimal(String value, int scale) {
        if (!DECIMAL_TEXT.matcher(value).matches()) {
            throw misfit(value);
        }
        BigDecimal number = new BigDecimal(value);
        if (number.scale() > scale) {
            throw new IllegalArgumentException("'" + abbreviated(value) + "' has " + number.scale() + " decimal places, the column has " + scale);
        }
        if (integerDigits(number) > MAX_PRECISION - scale) {
            throw new IllegalArgumentException("'" + abbreviated(value) + "' has more than " + (MAX_PRECISION - scale) + " digits before the point");
        }
        return number.setScale(scale);
    }

    /** Digits before the decimal point (0 for 0.5). */
    public static int integerDigits(BigDecimal number) {
        return Math.max(number.precision() - number.scale(), 0);
    }

    private Double parseDouble(String value) {
        if (!DECIMAL_TEXT.matcher(value).matches() && !EXPONENT_TEXT.matcher(value).matches()) {
            throw misfit(value);
        }
        double number = Double.parseDouble(value);
        if (Double.isInfinite(number)) {
            throw new IllegalArgumentException("'" + abbreviated(value) + "' is too large for a number");
        }
        return number;
    }

    private LocalDate parseIsoDate(String value) {
        if (!ISO_DATE_TEXT.matcher(value).matches()) {
            throw misfit(value);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid date");
        }
    }

    private LocalDate parseDmyDate(String value) {
        if (!DMY_DATE_TEXT.matcher(value).matches()) {
            throw misfit(value);
        }
        try {
            return LocalDate.parse(value, DMY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid date");
        }
    }

    private Instant parseTimestamp(String value) {
        if (!TIMESTAMP_TEXT.matcher(value).matches()) {
            throw misfit(value);
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return instant(TIMESTAMP_FORMAT.parse(normalisedTimestamp(value)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid timestamp");
        }
    }

    /** ISO form of the accepted variants: 'T' between date and time, '.' before fractions, Z for UTC, no blank before the zone. */
    private static String normalisedTimestamp(String value) {
        String text = value.substring(0, 10) + 'T' + value.substring(11).replace(',', '.').replace(" ", "");
        if (text.endsWith("UTC")) {
            text = text.substring(0, text.length() - 3) + "Z";
        }
        return text.endsWith("z") ? text.substring(0, text.length() - 1) + "Z" : text;
    }

    private static Instant instant(TemporalAccessor parsed) {
        if (parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(parsed).toInstant();
        }
        return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
