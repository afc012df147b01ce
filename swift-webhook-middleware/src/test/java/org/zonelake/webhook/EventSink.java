package org.zonelake.webhook;

import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.zonelake.core.error.ErrorType;

/**
 * A receiver of the proxy filter's deliveries on 127.0.0.1, standing in for the gateway's route: checks each
 * signature with the Java implementation and records the event; with a {@link SwiftEventReceiver} it also hands
 * the delivery to it and answers as the gateway would (2xx, 401/400 for rejections, 503 for failures). Without
 * one it answers 200, so that the filter's spool, which may hold other tests' events, drains.
 */
final class EventSink implements AutoCloseable {
    static final int PORT = 58180;

    /** One delivery as it arrived. */
    record Received(SwiftEvent event, boolean signatureValid) {}

    private final HttpServer server;
    private final byte[] key;
    private final SwiftEventReceiver receiver;
    private final List<Received> received = new ArrayList<>();
    private final List<String> malformed = new CopyOnWriteArrayList<>();

    EventSink(byte[] key, SwiftEventReceiver receiver) throws IOException {
        this.key = key.clone();
        this.receiver = receiver;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 50);
        } catch (BindException e) {
            throw new IllegalStateException("127.0.0.1:" + PORT + " is taken (a lake gateway?): stop it to run this test", e);
        }
        server.createContext("/api/v1/swift/events", this::handle);
        server.start();
    }

    /** The first recorded delivery matching the predicate, waiting for it until the deadline. */
    synchronized Received await(Predicate<SwiftEvent> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (Received r : received) {
                if (wanted.test(r.event())) {
                    return r;
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                return fail("No matching Swift event within " + timeout + "; received " + received + ", malformed: " + malformed);
            }
            wait(left);
        }
    }

    /** Every recorded delivery matching the predicate so far. */
    synchronized List<Received> all(Predicate<SwiftEvent> wanted) {
        return received.stream().filter(r -> wanted.test(r.event())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst(EventSignature.TIMESTAMP_HEADER);
            String signature = exchange.getRequestHeaders().getFirst(EventSignature.SIGNATURE_HEADER);
            SwiftEvent event;
            try {
                event = SwiftEventJson.parse(body);
            } catch (RuntimeException e) {
                malformed.add(new String(body, StandardCharsets.UTF_8) + ": " + e.getMessage());
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            record(new Received(event, EventSignature.matches(key, timestamp, event, signature)));
            exchange.sendResponseHeaders(receiver == null ? 200 : status(timestamp, signature, body), -1);
        }
    }

    private int status(String timestamp, String signature, byte[] body) {
        try {
            ReceiveResult result = receiver.receive(timestamp, signature, body);
            if (result.outcome() != ReceiveResult.Outcome.REJECTED) {
                return 200;
            }
            return result.rejection().type() == ErrorType.UNAUTHENTICATED ? 401 : 400;
        } catch (RuntimeException e) {
            return 503;
        }
    }

    private synchronized void record(Received delivery) {
        received.add(delivery);
        notifyAll();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
