package org.zonelake.core.metadata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** Checks metadata values against a template and returns them normalised; the GUI applies the same rules. */
public final class TemplateValidator {
    public static final int MAX_TEXT_LENGTH = 1_000;
    public static final int MAX_TEXTAREA_LENGTH = 20_000;

    private TemplateValidator() {}

    /**
     * Returns the values converted to their field types (numbers as {@link BigDecimal}-backed numbers,
     * dates as ISO-8601 text). Throws {@code LakeException(INVALID_METADATA)} naming every failing field
     * in the {@code fields} detail.
     */
    public static Map<String, Object> validate(MetadataTemplate template, Map<String, ?> values) {
        Map<String, String> errors = new TreeMap<>();
        Map<String, Object> normalised = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            if (template.fields().stream().noneMatch(f -> f.name().equals(key))) {
                errors.put(key, "is not a field of template " + template.name());
            }
        }
        for (TemplateField field : template.fields()) {
            Object value = values.get(field.name());
            if (isMissing(value)) {
                if (field.required()) {
                    errors.put(field.name(), "is required");
                }
                continue;
            }
            try {
                normalised.put(field.name(), convert(field, value));
            } catch (IllegalArgumentException e) {
                errors.put(field.name(), e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new LakeException(ErrorCode.INVALID_METADATA,
                    "Metadata does not match template " + template.name() + ": " + describe(errors),
                    Map.of("fields", errors), null);
        }
        return normalised;
    }

    private static boolean isMissing(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }

    private static Object convert(TemplateField field, Object value) {
        return switch (field.type()) {
            case TEXT -> text(value, MAX_TEXT_LENGTH);
            case TEXTAREA -> text(value, MAX_TEXTAREA_LENGTH);
            case NUMBER -> number(value);
            case DATE -> date(value);
            case ENUM -> option(field, value);
        };
    }

    private static String text(Object value, int maxLength) {
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("must be text");
        }
        if (s.length() > maxLength) {
            throw new IllegalArgumentException("must be at most " + maxLength + " characters");
        }
        return s;
    }

    private static Number number(Object value) {
        try {
            BigDecimal decimal = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(String.valueOf(value).trim());
            if (value instanceof Boolean) {
                throw new NumberFormatException();
            }
            return decimal.stripTrailingZeros().scale() <= 0 && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    ? (Number) decimal.longValueExact()
                    : (Number) decimal.doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a number, was '" + value + "'");
        }
    }

    private static String date(Object value) {
        String text = String.valueOf(value).trim();
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toInstant().toString();
            } catch (DateTimeParseException notAnOffsetDateTime) {
                try {
                    return Instant.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a date such as 2024-05-01 or 2024-05-01T12:00:00Z, was '" + text + "'");
                }
            }
        }
    }

    private static String option(TemplateField field, Object value) {
        String text = String.valueOf(value);
        if (!field.options().contains(text)) {
            throw new IllegalArgumentException("must be one of " + field.options() + ", was '" + text + "'");
        }
        return text;
    }

    private static String describe(Map<String, String> errors) {
        StringBuilder sb = new StringBuilder();
        errors.forEach((field, problem) -> sb.append(sb.isEmpty() ? "" : "; ").append(field).append(' ').append(problem));
        return sb.toString();
    }
}
