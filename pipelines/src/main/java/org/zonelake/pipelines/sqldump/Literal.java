package org.zonelake.pipelines.sqldump;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.pipelines.tabular.ValueKind;

/** A value of an INSERT as written: a number, a string, a boolean or NULL, with its text. */
record Literal(Kind kind, String text) {
    enum Kind { NULL, NUMBER, STRING, BOOLEAN }

    static final Literal NULL = new Literal(Kind.NULL, "");

    Literal {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
    }

    /**
     * The value as the Java type of {@code type} ({@code scale} for decimals); throws
     * {@link IllegalArgumentException} saying why it does not fit. MySQL's zero dates are NULL.
     */
    Object as(ColumnType type, int scale) {
        if (kind == Kind.NULL) {
            return null;
        }
        return switch (type) {
            case INTEGER -> integer();
            case DECIMAL -> decimal().setScale(scale, RoundingMode.HALF_UP);
            case DOUBLE -> ValueKind.DOUBLE.parse(text, 0);
            case BOOLEAN -> bool();
            case DATE -> zeroDate() ? null : date();
            case TIMESTAMP -> zeroDate() ? null : timestamp();
            case TEXT -> text;
        };
    }

    /** Decimal places of a number, for a DECIMAL column declared without scale. */
    int scale() {
        try {
            return kind == Kind.NULL ? 0 : Math.max(new BigDecimal(text.strip()).scale(), 0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Long integer() {
        if (kind == Kind.BOOLEAN) {
            return Boolean.parseBoolean(text) ? 1L : 0L;
        }
        try {
            return decimal().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not an integer");
        }
    }

    private BigDecimal decimal() {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    private Boolean bool() {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "t", "y", "yes" -> true;
            case "0", "false", "f", "n", "no" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not a boolean");
        };
    }

    private LocalDate date() {
        String value = text.strip();
        return (LocalDate) ValueKind.DATE.parse(value.length() > 10 ? value.substring(0, 10) : value, 0);
    }

    private Instant timestamp() {
        return (Instant) ValueKind.TIMESTAMP.parse(text, 0);
    }

    private boolean zeroDate() {
        return text.startsWith("0000-00-00");
    }
}
