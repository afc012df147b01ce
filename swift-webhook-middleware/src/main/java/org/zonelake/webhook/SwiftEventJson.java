package org.zonelake.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** Reads the JSON body of an event, strictly: an object with the filter's fields, of the right types. */
final class SwiftEventJson {
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SwiftEventJson() {}

    /** The event; throws {@code MALFORMED_JSON} or {@code INVALID_REQUEST} (USER_ERROR) for anything else. */
    static SwiftEvent parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, "The Swift event has no body");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "The Swift event has %d bytes, more than %d", body.length, MAX_BODY_BYTES);
        }
        JsonNode root = read(body);
        if (!root.isObject()) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, "The Swift event is not a JSON object");
        }
        String method = required(root, "method");
        if (!SwiftEvent.METHODS.contains(method)) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "The Swift event's method %s is not one of %s", method, SwiftEvent.METHODS);
        }
        return new SwiftEvent(required(root, "account"), required(root, "container"), required(root, "object"), method,
                optional(root, "etag"), size(root), optional(root, "content_type"), required(root, "timestamp"),
                required(root, "transaction_id"));
    }

    private static JsonNode read(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null) {
                throw new LakeException(ErrorCode.MALFORMED_JSON, "The Swift event is not JSON: the body is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new LakeException(ErrorCode.MALFORMED_JSON, "The Swift event is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new LakeException(ErrorCode.MALFORMED_JSON, "The Swift event cannot be read: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode root, String field) {
        String value = optional(root, field);
        if (value.isEmpty()) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "The Swift event has no \"%s\"", field);
        }
        return value;
    }

    private static String optional(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "The Swift event's \"%s\" is not a string", field);
        }
        return node.textValue();
    }

    private static long size(JsonNode root) {
        JsonNode node = root.get("size");
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < -1) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, "The Swift event's \"size\" is not a whole number of bytes (or -1)");
        }
        return node.longValue();
    }
}
