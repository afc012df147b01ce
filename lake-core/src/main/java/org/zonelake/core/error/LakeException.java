package org.zonelake.core.error;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** The one exception type of the lake: a stable code, a sentence for humans, optional details for clients. */
public class LakeException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> details;

    public LakeException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    public LakeException(ErrorCode code, String message, Throwable cause) {
        this(code, message, Map.of(), cause);
    }

    public LakeException(ErrorCode code, String message, Map<String, Object> details, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.details = Map.copyOf(requireNonNull(details, "details is null"));
    }

    public static LakeException of(ErrorCode code, String format, Object... args) {
        return new LakeException(code, String.format(format, args));
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra members for the problem document, e.g. the failing fields of a metadata validation. */
    public Map<String, Object> details() {
        return details;
    }
}
