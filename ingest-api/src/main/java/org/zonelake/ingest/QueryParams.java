package org.zonelake.ingest;

import io.javalin.http.Context;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** Parsing of common query parameters with problem answers instead of exceptions from deep inside. */
public final class QueryParams {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private QueryParams() {}

    /** The {@code limit} parameter, 1 to {@value #MAX_LIMIT}, or {@value #DEFAULT_LIMIT}; {@code INVALID_REQUEST} otherwise. */
    public static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw LakeException.of(ErrorCode.INVALID_REQUEST, "Query parameter limit must be a number from 1 to %d, was '%s'", MAX_LIMIT, raw);
    }

    /** The {@code cursor} parameter, or {@code null} for the first page. */
    public static String cursor(Context ctx) {
        String cursor = ctx.queryParam("cursor");
        return cursor == null || cursor.isBlank() ? null : cursor;
    }
}
