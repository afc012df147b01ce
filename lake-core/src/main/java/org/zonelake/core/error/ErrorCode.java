package org.zonelake.core.error;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** Stable problem codes. The lower-case name is part of the public API: never rename one. */
public enum ErrorCode {
    INVALID_REQUEST(ErrorType.USER_ERROR),
    MALFORMED_JSON(ErrorType.USER_ERROR),
    INVALID_NAME(ErrorType.USER_ERROR),
    UNKNOWN_TEMPLATE(ErrorType.USER_ERROR),
    INVALID_METADATA(ErrorType.USER_ERROR),
    INVALID_TEMPLATE(ErrorType.USER_ERROR),
    CONTENT_TYPE_NOT_ACCEPTED(ErrorType.USER_ERROR),
    INVALID_CURSOR(ErrorType.USER_ERROR),
    INVALID_RANGE(ErrorType.USER_ERROR),
    UNSUPPORTED_MEDIA_TYPE(ErrorType.USER_ERROR),
    TUS_VERSION_UNSUPPORTED(ErrorType.USER_ERROR),
    UPLOAD_INCOMPLETE(ErrorType.USER_ERROR),
    INVALID_DATA(ErrorType.USER_ERROR),
    INVALID_ROUTE(ErrorType.USER_ERROR),
    UNKNOWN_STEP(ErrorType.USER_ERROR),
    UNSUPPORTED_FORMAT(ErrorType.USER_ERROR),

    NOT_AUTHENTICATED(ErrorType.UNAUTHENTICATED),
    INVALID_CREDENTIALS(ErrorType.UNAUTHENTICATED),
    TOKEN_EXPIRED(ErrorType.UNAUTHENTICATED),

    FORBIDDEN(ErrorType.FORBIDDEN),
    ACCOUNT_DISABLED(ErrorType.FORBIDDEN),

    PROJECT_NOT_FOUND(ErrorType.NOT_FOUND),
    OBJECT_NOT_FOUND(ErrorType.NOT_FOUND),
    TEMPLATE_NOT_FOUND(ErrorType.NOT_FOUND),
    UPLOAD_NOT_FOUND(ErrorType.NOT_FOUND),
    USER_NOT_FOUND(ErrorType.NOT_FOUND),
    ASSIGNMENT_NOT_FOUND(ErrorType.NOT_FOUND),
    ROUTE_NOT_FOUND(ErrorType.NOT_FOUND),
    MEASUREMENT_NOT_FOUND(ErrorType.NOT_FOUND),
    NODE_NOT_FOUND(ErrorType.NOT_FOUND),
    TABLE_NOT_FOUND(ErrorType.NOT_FOUND),
    TAG_NOT_FOUND(ErrorType.NOT_FOUND),
    RUN_NOT_FOUND(ErrorType.NOT_FOUND),

    PROJECT_EXISTS(ErrorType.CONFLICT),
    USER_EXISTS(ErrorType.CONFLICT),
    TEMPLATE_EXISTS(ErrorType.CONFLICT),
    TEMPLATE_NOT_EDITABLE(ErrorType.CONFLICT),
    TEMPLATE_NOT_DELETABLE(ErrorType.CONFLICT),
    UPLOAD_OFFSET_MISMATCH(ErrorType.CONFLICT),
    UPLOAD_NOT_RECEIVING(ErrorType.CONFLICT),
    RUN_IN_PROGRESS(ErrorType.CONFLICT),
    RUN_FINISHED(ErrorType.CONFLICT),

    OBJECT_TOO_LARGE(ErrorType.TOO_LARGE),
    METADATA_TOO_LARGE(ErrorType.TOO_LARGE),
    CHUNK_TOO_LARGE(ErrorType.TOO_LARGE),
    RANGE_NOT_SATISFIABLE(ErrorType.USER_ERROR),

    STORAGE_FULL(ErrorType.EXTERNAL),
    STORAGE_FAILURE(ErrorType.EXTERNAL),
    METADATA_FAILURE(ErrorType.EXTERNAL),
    GOLD_ZONE_UNAVAILABLE(ErrorType.EXTERNAL),
    /** The distributed process zone (Airflow) does not answer, or answers with a failure: retried later. */
    PROCESS_ZONE_UNAVAILABLE(ErrorType.EXTERNAL),
    CLIENT_DISCONNECTED(ErrorType.USER_ERROR),

    INTERNAL(ErrorType.INTERNAL);

    private final ErrorType type;

    ErrorCode(ErrorType type) {
        this.type = requireNonNull(type, "type is null");
    }

    public ErrorType type() {
        return type;
    }

    /** The code as it appears in problem documents, e.g. {@code invalid_metadata}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
