package org.zonelake.ingest.objects;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.CatalogQuery;
import org.zonelake.core.metadata.CatalogQuery.SortField;
import org.zonelake.ingest.QueryParameters;

/**
 * The query string of {@code GET .../objects} as a {@link CatalogQuery}. Every mistake is a 400 naming the parameter,
 * unknown parameters included: a misspelt filter silently ignored would return the wrong objects.
 */
final class CatalogParameters {
    static final int DEFAULT_LIMIT = 50;
    static final String FIELD_PREFIX = "field.";
    private static final int MAX_TEXT_LENGTH = 1_000;
    private static final Set<String> KNOWN = Set.of("content_type", "from", "to", "template", "q", "sort", "order", "limit", "cursor");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/([a-z0-9][a-z0-9!#$&^_.+-]*|\\*)");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Map<String, SortField> SORTS = Map.of(
            "creation_date", SortField.CREATION_DATE,
            "original_object_name", SortField.ORIGINAL_OBJECT_NAME,
            "size", SortField.SIZE,
            "id", SortField.ID);

    private final Map<String, List<String>> parameters;

    private CatalogParameters(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    static CatalogQuery parse(String project, Map<String, List<String>> parameters) {
        CatalogParameters p = new CatalogParameters(parameters);
        p.rejectUnknown();
        return new CatalogQuery(project, p.contentType(), p.instant("from", false), p.instant("to", true), p.single("template"),
                p.fields(), p.text(), p.sort(), p.descending(), p.limit(), p.single("cursor"));
    }

    private void rejectUnknown() {
        for (String name : parameters.keySet()) {
            if (!KNOWN.contains(name) && !name.startsWith(FIELD_PREFIX)) {
                throw invalid(name, "is not a parameter of the catalog; known ones are " + String.join(", ", KNOWN.stream().sorted().toList())
                        + " and field.<name>");
            }
        }
    }

    /** The value of a parameter given at most once; {@code null} when absent or empty. */
    private String single(String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw invalid(name, "is given " + values.size() + " times");
        }
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }

    private String contentType() {
        String value = single("content_type");
        if (value != null && !CONTENT_TYPE.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
            throw invalid("content_type", "must be a type such as text/csv or a family such as image/*, was '" + value + "'");
        }
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** A date or an instant; a date as upper bound includes that whole day (UTC). */
    private Instant instant(String name, boolean upperBound) {
        return QueryParameters.instant(name, single(name), upperBound);
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        parameters.keySet().stream().filter(name -> name.startsWith(FIELD_PREFIX)).sorted().forEach(name -> {
            String field = name.substring(FIELD_PREFIX.length());
            if (!FIELD_NAME.matcher(field).matches()) {
                throw invalid(name, "does not name a template field (letters, digits and _, starting with a letter)");
            }
            String value = single(name);
            if (value != null) {
                fields.put(field, value);
            }
        });
        return fields;
    }

    private String text() {
        String value = single("q");
        if (value != null && value.length() > MAX_TEXT_LENGTH) {
            throw invalid("q", "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return value;
    }

    private SortField sort() {
        String value = single("sort");
        if (value == null) {
            return SortField.CREATION_DATE;
        }
        SortField sort = SORTS.get(value.toLowerCase(Locale.ROOT));
        if (sort == null) {
            throw invalid("sort", "must be one of creation_date, original_object_name, size, id, was '" + value + "'");
        }
        return sort;
    }

    private boolean descending() {
        String value = single("order");
        if (value == null || value.equalsIgnoreCase("desc")) {
            return true;
        }
        if (value.equalsIgnoreCase("asc")) {
            return false;
        }
        throw invalid("order", "must be asc or desc, was '" + value + "'");
    }

    private int limit() {
        String value = single("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= CatalogQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("limit", "must be a whole number from 1 to " + CatalogQuery.MAX_LIMIT + ", was '" + value + "'");
    }

    private static LakeException invalid(String parameter, String problem) {
        return QueryParameters.invalid(parameter, problem);
    }
}
