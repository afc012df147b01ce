package org.zonelake.core.metadata;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * A catalog search within one project. Every filter is optional ({@code null} or empty means "any").
 *
 * @param contentType exact type ({@code text/csv}) or a family ({@code image/*})
 * @param createdFrom inclusive lower bound of {@code creation_date}
 * @param createdTo exclusive upper bound of {@code creation_date}
 * @param template only objects described with this template
 * @param fields template field values that must match exactly (compared as text)
 * @param text case-insensitive substring of the original name or the description
 * @param cursor the {@code nextCursor} of the previous page, or {@code null}
 */
public record CatalogQuery(
        String project,
        String contentType,
        Instant createdFrom,
        Instant createdTo,
        String template,
        Map<String, String> fields,
        String text,
        SortField sort,
        boolean descending,
        int limit,
        String cursor) {

    public static final int MAX_LIMIT = 1000;

    public CatalogQuery {
        requireNonNull(project, "project is null");
        requireNonNull(sort, "sort is null");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static CatalogQuery all(String project, int limit) {
        return new CatalogQuery(project, null, null, null, null, Map.of(), null, SortField.CREATION_DATE, true, limit, null);
    }

    /** Sortable catalog fields; ties are broken by object id in the same direction. */
    public enum SortField {
        CREATION_DATE,
        ORIGINAL_OBJECT_NAME,
        SIZE,
        ID
    }
}
