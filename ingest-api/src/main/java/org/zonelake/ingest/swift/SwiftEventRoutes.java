package org.zonelake.ingest.swift;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.http.Answers;
import org.zonelake.webhook.ReceiveResult;
import org.zonelake.webhook.SwiftEventReceiver;

/**
 * {@code POST /api/v1/swift/events}: the events of the Swift proxy filter. No token: the receiver checks the filter's
 * HMAC signature instead. Handled and ignored events answer 200 so that the filter forgets them; a valid event the
 * lake cannot act on now answers 5xx, and the filter delivers it again later.
 */
public final class SwiftEventRoutes implements Routes {
    public static final String PATH = "/api/v1/swift/events";
    /** The filter's events are a few hundred bytes; anything much larger is not one of them. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Optional<SwiftEventReceiver> receiver;
    private final ObjectMapper mapper;

    public SwiftEventRoutes(Optional<SwiftEventReceiver> receiver, ObjectMapper mapper) {
        this.receiver = requireNonNull(receiver, "receiver is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    @Override
    public void register(Javalin app) {
        app.post(PATH, this::receive);
    }

    private void receive(Context ctx) throws IOException {
        SwiftEventReceiver enabled = receiver.orElseThrow(() -> new LakeException(ErrorCode.ROUTE_NOT_FOUND,
                "This lake receives no Swift events: its raw zone is not Swift, or ZONELAKE_SWIFT_EVENTS_SECRET_FILE is not set"));
        ReceiveResult result = enabled.receive(ctx.header("X-Zonelake-Timestamp"), ctx.header("X-Zonelake-Signature"), body(ctx));
        if (result.outcome() == ReceiveResult.Outcome.REJECTED) {
            throw new LakeException(result.rejection(), result.detail());
        }
        Answers.json(ctx, mapper, 200, Map.of("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT), "detail", result.detail()));
    }

    private static byte[] body(Context ctx) throws IOException {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new LakeException(ErrorCode.INVALID_REQUEST, "A Swift event is at most " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }
}
