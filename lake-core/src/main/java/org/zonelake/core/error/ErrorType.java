package org.zonelake.core.error;

/** Category of an error; the gateway maps each category (or a code's override) to an HTTP status. */
public enum ErrorType {
    USER_ERROR,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    TOO_LARGE,
    EXTERNAL,
    INTERNAL
}
