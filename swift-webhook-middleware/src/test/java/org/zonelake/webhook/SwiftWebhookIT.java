package org.zonelake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zonelake.webhook.SwiftHttp.md5;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.testing.ItEnvironment;
import org.zonelake.webhook.EventSink.Received;

/**
 * The installed filter in the real tempauth proxy of {@code services/swift.sh}: writes through the proxy reach a
 * receiver on 127.0.0.1:58180 (the lake gateway's port, so no gateway may run meanwhile) as events signed as this
 * module's Java code expects. Events of other tests spooled while nobody listened may arrive first: the waits are long.
 */
class SwiftWebhookIT {
    static final Duration WAIT = Duration.ofSeconds(90);
    private static final String CONTAINER = "webhook-it-" + UUID.randomUUID();
    private static final String SEGMENTS = CONTAINER + "_segments";

    private static EventSink sink;
    private static SwiftHttp swift;

    @BeforeAll
    static void startTheReceiverAndLogIn() throws IOException {
        Path secretFile = Path.of(ItEnvironment.require("ZONELAKE_IT_SWIFT_WEBHOOK_SECRET_FILE", SwiftHttp.HOW));
        swift = SwiftHttp.login();
        sink = new EventSink(SwiftEventsConfig.readSecret(secretFile).getBytes(StandardCharsets.UTF_8), null);
        swift.send("PUT", "/" + CONTAINER, null, null);
        swift.send("PUT", "/" + SEGMENTS, null, null);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (sink != null) {
            sink.close();
        }
        if (swift != null) {
            swift.call("DELETE", "/" + CONTAINER + "/big.bin?multipart-manifest=delete", null, null);
            swift.call("DELETE", "/" + CONTAINER + "/plain.csv", null, null);
            for (int i = 0; i < 3; i++) {
                swift.call("DELETE", "/" + SEGMENTS + "/big.bin/" + i, null, null);
            }
            swift.call("DELETE", "/" + CONTAINER, null, null);
            swift.call("DELETE", "/" + SEGMENTS, null, null);
        }
    }

    @Test
    void aPutThroughTheProxyArrivesAsASignedEvent() throws Exception {
        String content = "station,temperature\nnorth,4.5\n";
        swift.send("PUT", "/" + CONTAINER + "/plain.csv", content, "text/csv");

        Received received = sink.await(object(CONTAINER, "plain.csv", "PUT"), WAIT);

        assertThat(received.signatureValid()).isTrue();
        SwiftEvent event = received.event();
        assertThat(event.account()).startsWith("AUTH_");
        assertThat(event.size()).isEqualTo(content.length());
        assertThat(event.etag()).isEqualTo(md5(content));
        assertThat(event.contentType()).isEqualTo("text/csv");
        assertThat(event.transactionId()).startsWith("tx");
    }

    @Test
    void aStaticLargeObjectGivesExactlyOneEventWithItsTotalSize() throws Exception {
        swift.send("PUT", "/" + CONTAINER + "/big.bin?multipart-manifest=put", swift.uploadSegments(SEGMENTS, "big.bin", 3), "application/json");
        swift.send("POST", "/" + CONTAINER + "/big.bin", null, null);

        Received large = sink.await(object(CONTAINER, "big.bin", "PUT"), WAIT);
        // The filter delivers in order: once the later POST is in, a segment's event would be too.
        sink.await(object(CONTAINER, "big.bin", "POST"), WAIT);

        assertThat(large.signatureValid()).isTrue();
        assertThat(large.event().size()).isEqualTo(3L * SwiftHttp.SEGMENT_BYTES);
        assertThat(sink.all(object(CONTAINER, "big.bin", "PUT"))).hasSize(1);
        assertThat(sink.all(e -> e.container().equals(SEGMENTS))).isEmpty();
    }

    static Predicate<SwiftEvent> object(String container, String name, String method) {
        return e -> e.container().equals(container) && e.objectName().equals(name) && e.method().equals(method);
    }
}
