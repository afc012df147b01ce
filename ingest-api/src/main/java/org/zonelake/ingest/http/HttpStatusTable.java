package org.zonelake.ingest.http;

import java.util.EnumMap;
import java.util.Map;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.ErrorType;

/** The one place where error codes become HTTP statuses: by category, with a few codes overriding it. */
public final class HttpStatusTable {
    private static final Map<ErrorType, Integer> BY_TYPE = new EnumMap<>(Map.of(
            ErrorType.USER_ERROR, 400,
            ErrorType.UNAUTHENTICATED, 401,
            ErrorType.FORBIDDEN, 403,
            ErrorType.NOT_FOUND, 404,
            ErrorType.CONFLICT, 409,
            ErrorType.TOO_LARGE, 413,
            ErrorType.EXTERNAL, 503,
            ErrorType.INTERNAL, 500));

    private static final Map<ErrorCode, Integer> OVERRIDES = new EnumMap<>(Map.of(
            ErrorCode.UNSUPPORTED_MEDIA_TYPE, 415,
            ErrorCode.TUS_VERSION_UNSUPPORTED, 412,
            ErrorCode.RANGE_NOT_SATISFIABLE, 416,
            ErrorCode.STORAGE_FULL, 507,
            ErrorCode.UPLOAD_NOT_RECEIVING, 410));

    private HttpStatusTable() {}

    public static int statusOf(ErrorCode code) {
        return OVERRIDES.getOrDefault(code, BY_TYPE.get(code.type()));
    }
}
