package org.zonelake.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Events and signed deliveries as the proxy filter sends them. */
final class Deliveries {
    static final String SECRET = "receiver-test-secret";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger TRANSACTIONS = new AtomicInteger();

    /** One delivery: the two headers and the body. */
    record Delivery(String timestamp, String signature, byte[] body) {
        Delivery withBody(String json) {
            return new Delivery(timestamp, signature, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private Deliveries() {}

    static SwiftEvent event(String method, String container, String object, String contentType) {
        return new SwiftEvent("AUTH_lake", container, object, method, method.equals("PUT") ? "etag-" + object : "", 5,
                contentType, "1779350400.00001", "tx" + TRANSACTIONS.incrementAndGet());
    }

    static Delivery signed(SwiftEvent event, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        return new Delivery(timestamp, EventSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), timestamp, event), json(event));
    }

    static byte[] json(SwiftEvent event) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("account", event.account()).put("container", event.container()).put("object", event.objectName())
                .put("method", event.method()).put("etag", event.etag()).put("size", event.size())
                .put("content_type", event.contentType()).put("timestamp", event.timestamp()).put("transaction_id", event.transactionId());
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
