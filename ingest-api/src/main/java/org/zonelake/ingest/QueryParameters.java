package org.zonelake.ingest;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * The query string of one endpoint, checked against the parameters it knows. Every mistake is a 400
 * {@code invalid_request} naming the parameter (in the problem's {@code parameter} member), unknown parameters
 * included: a misspelt filter silently ignored would answer the wrong data.
 */
public final class QueryParameters {
    private final Map<String, List<String>> parameters;

    private QueryParameters(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    /** The request's parameters; those neither in {@code known} nor starting with one of {@code prefixes} are refused. */
    public static QueryParameters of(Context ctx, Set<String> known, String... prefixes) {
        Map<String, List<String>> parameters = ctx.queryParamMap();
        for (String name : parameters.keySet()) {
            if (!known.contains(name) && !startsWithAny(name, prefixes)) {
                throw invalid(name, "is not a parameter of this endpoint; known ones are " + describe(known, prefixes));
            }
        }
        return new QueryParameters(parameters);
    }

    private static String describe(Set<String> known, String[] prefixes) {
        if (known.isEmpty() && prefixes.length == 0) {
            return "none";
        }
        List<String> names = new ArrayList<>(new TreeSet<>(known));
        for (String prefix : prefixes) {
            names.add(prefix + "<name>");
        }
        return String.join(", ", names);
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }

    /** The value of a parameter given at most once, stripped; {@code null} when absent or empty. */
    public String text(String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw invalid(name, "is given " + values.size() + " times");
        }
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }

    public String required(String name) {
        String value = text(name);
        if (value == null) {
            throw invalid(name, "is required");
        }
        return value;
    }

    /**
     * An instant such as {@code 2024-05-01T12:00:00Z} or a date (UTC); a date as an upper bound includes that whole day.
     * {@code null} when absent.
     */
    public Instant instant(String name, boolean upperBound) {
        return instant(name, text(name), upperBound);
    }

    /** {@link #instant(String, boolean)} of a value already read; {@code null} stays {@code null}. */
    public static Instant instant(String name, String value, boolean upperBound) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return (upperBound ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(name, "must be a date such as 2024-05-01 or an instant such as 2024-05-01T12:00:00Z, was '" + value + "'");
            }
        }
    }

    /** A whole number from {@code min} to {@code max}, or {@code defaultValue} when absent. */
    public long number(String name, long min, long max, long defaultValue) {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max + ", was '" + value + "'");
    }

    public int integer(String name, int min, int max, int defaultValue) {
        return (int) number(name, min, max, defaultValue);
    }

    /** The page size: {@code limit}, 1 to {@value QueryParams#MAX_LIMIT}, default {@value QueryParams#DEFAULT_LIMIT}. */
    public int limit() {
        return integer("limit", 1, QueryParams.MAX_LIMIT, QueryParams.DEFAULT_LIMIT);
    }

    /** Parameters named {@code <prefix><key>}, by key, in name order. */
    public Map<String, String> prefixed(String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.keySet().stream().filter(name -> name.startsWith(prefix)).sorted().forEach(name -> {
            String value = text(name);
            if (value != null) {
                values.put(name.substring(prefix.length()), value);
            }
        });
        return values;
    }

    /** {@code invalid_request} naming the parameter: "Query parameter {name} {problem}". */
    public static LakeException invalid(String parameter, String problem) {
        return new LakeException(ErrorCode.INVALID_REQUEST, "Query parameter " + parameter + " " + problem, Map.of("parameter", parameter), null);
    }
}
