package org.zonelake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EventSignatureTest {
    /** Written by the Python suite's author and checked by both suites: the two implementations cannot drift apart. */
    private static final Path VECTOR = Path.of("python/tests/vectors/signature-v1.json");

    @Test
    void canonicalFormMatchesTheVectorSharedWithThePythonFilter() throws IOException {
        JsonNode vector = vector();

        assertThat(EventSignature.canonical(vector.get("delivery_timestamp").asText(), event(vector)))
                .isEqualTo(vector.get("canonical").asText());
    }

    @Test
    void signatureMatchesTheVectorSharedWithThePythonFilter() throws IOException {
        JsonNode vector = vector();
        byte[] key = vector.get("secret").asText().getBytes(StandardCharsets.UTF_8);
        String timestamp = vector.get("delivery_timestamp").asText();

        assertThat(EventSignature.sign(key, timestamp, event(vector))).isEqualTo(vector.get("signature").asText());
        assertThat(EventSignature.matches(key, timestamp, event(vector), vector.get("signature").asText())).isTrue();
    }

    @Test
    void signatureDoesNotMatchAnotherTimestampKeyOrField() throws IOException {
        JsonNode vector = vector();
        byte[] key = vector.get("secret").asText().getBytes(StandardCharsets.UTF_8);
        String signature = vector.get("signature").asText();
        SwiftEvent event = event(vector);
        SwiftEvent resized = new SwiftEvent(event.account(), event.container(), event.objectName(), event.method(), event.etag(),
                event.size() + 1, event.contentType(), event.timestamp(), event.transactionId());

        assertThat(EventSignature.matches(key, "1779350461", event, signature)).isFalse();
        assertThat(EventSignature.matches("other".getBytes(StandardCharsets.UTF_8), "1779350460", event, signature)).isFalse();
        assertThat(EventSignature.matches(key, "1779350460", resized, signature)).isFalse();
        assertThat(EventSignature.matches(key, "1779350460", event, null)).isFalse();
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertThat(EventSignature.percentEncoded("a-b.c_d~e f/g\nü%")).isEqualTo("a-b.c_d~e%20f%2Fg%0A%C3%BC%25");
    }

    @Test
    void eventIdIsTheSameForTheSameWriteAndDiffersForAnother() {
        SwiftEvent event = new SwiftEvent("AUTH_a", "c", "o", "PUT", "e", 1, "", "1.00000", "tx1");
        SwiftEvent again = new SwiftEvent("AUTH_a", "c", "o", "PUT", "other-etag", 2, "", "1.00000", "tx1");
        SwiftEvent later = new SwiftEvent("AUTH_a", "c", "o", "PUT", "e", 1, "", "2.00000", "tx2");

        assertThat(event.eventId()).isEqualTo(again.eventId()).hasSize(64).isNotEqualTo(later.eventId());
    }

    private static JsonNode vector() throws IOException {
        return new ObjectMapper().readTree(Files.readString(VECTOR, StandardCharsets.UTF_8));
    }

    private static SwiftEvent event(JsonNode vector) {
        return SwiftEventJson.parse(vector.get("event").toString().getBytes(StandardCharsets.UTF_8));
    }
}
