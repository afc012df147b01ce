package org.zonelake.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 signature of a Swift event, version 1: the canonical form of {@code python/zonelake_webhook/signing.py}
 * (the shared vector {@code python/tests/vectors/signature-v1.json} pins both). Lines joined by a line feed: the
 * version line, the delivery timestamp, then account, container, object, method, etag, size, content type,
 * timestamp and transaction id, each percent-encoded (UTF-8; {@code A-Z a-z 0-9 - . _ ~} kept, other bytes as
 * {@code %XX}). Header value: {@code v1=} and the lower-case hex HMAC.
 */
public final class EventSignature {
    public static final String TIMESTAMP_HEADER = "X-Zonelake-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Zonelake-Signature";
    static final String VERSION_LINE = "zonelake-swift-event/v1";
    static final String PREFIX = "v1=";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private EventSignature() {}

    /** The signed text of the event delivered at {@code deliveryTimestamp}. */
    public static String canonical(String deliveryTimestamp, SwiftEvent event) {
        return String.join("\n", VERSION_LINE, percentEncoded(deliveryTimestamp),
                percentEncoded(event.account()), percentEncoded(event.container()), percentEncoded(event.objectName()),
                percentEncoded(event.method()), percentEncoded(event.etag()), Long.toString(event.size()),
                percentEncoded(event.contentType()), percentEncoded(event.timestamp()), percentEncoded(event.transactionId()));
    }

    /** The {@code X-Zonelake-Signature} value for the event delivered at the timestamp. */
    public static String sign(byte[] key, String deliveryTimestamp, SwiftEvent event) {
        return PREFIX + HexFormat.of().formatHex(hmac(key, canonical(deliveryTimestamp, event)));
    }

    /** Whether the header value is the event's signature; compares in constant time. */
    public static boolean matches(byte[] key, String deliveryTimestamp, SwiftEvent event, String headerValue) {
        if (headerValue == null) {
            return false;
        }
        byte[] expected = sign(key, deliveryTimestamp, event).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, headerValue.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes; only unreserved characters stay as they are. */
    static String percentEncoded(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return sb.toString();
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable or the key is empty", e);
        }
    }
}
