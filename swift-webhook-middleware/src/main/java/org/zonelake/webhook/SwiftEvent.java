package org.zonelake.webhook;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * What the Swift proxy filter reports about one successful write, change or delete of an object (the JSON body of
 * {@code POST /api/v1/swift/events}). {@code size} is -1 when the request did not tell it; {@code etag} and
 * {@code contentType} are empty when Swift has none for the method.
 */
public record SwiftEvent(String account, String container, String objectName, String method, String etag, long size,
                         String contentType, String timestamp, String transactionId) {
    public static final Set<String> METHODS = Set.of("PUT", "POST", "COPY", "DELETE");

    public SwiftEvent {
        requireNonNull(account, "account is null");
        requireNonNull(container, "container is null");
        requireNonNull(objectName, "objectName is null");
        requireNonNull(method, "method is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(transactionId, "transactionId is null");
        etag = etag == null ? "" : etag;
        contentType = contentType == null ? "" : contentType;
    }

    /**
     * Stable id of the event: the same write reported twice (a redelivery) has the same id. A hash of transaction id,
     * object, method and the event's timestamp, so that it has a bounded length whatever the object's name.
     */
    public String eventId() {
        String key = String.join("\n", EventSignature.percentEncoded(transactionId), EventSignature.percentEncoded(objectName),
                method, EventSignature.percentEncoded(timestamp));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A short description for logs: method, container, object and transaction. */
    public String describe() {
        return method + " " + container + "/" + objectName + " (" + transactionId + ")";
    }
}
