package org.zonelake.ingest.uploads;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * The tus {@code Upload-Metadata} header: comma-separated pairs of a key and an optional base64 value, e.g.
 * {@code filename d29ybGRfZG9taW5hdGlvbl9wbGFuLnBkZg==,is_confidential}. Values must be UTF-8 text.
 */
final class UploadMetadataHeader {
    private static final Pattern KEY = Pattern.compile("[^\\s,]+");

    private UploadMetadataHeader() {}

    /** The decoded pairs; {@code INVALID_REQUEST} for a malformed header or a repeated key. */
    static Map<String, String> parse(String header) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return pairs;
        }
        for (String pair : header.split(",", -1)) {
            String[] parts = pair.trim().split(" ", -1);
            if (parts.length > 2 || !KEY.matcher(parts[0]).matches()) {
                throw malformed("'%s' is not a key followed by an optional base64 value", pair.trim());
            }
            String value = parts.length == 2 ? decode(parts[0], parts[1]) : "";
            if (pairs.put(parts[0], value) != null) {
                throw malformed("the key %s appears twice", parts[0]);
            }
        }
        return pairs;
    }

    private static String decode(String key, String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException e) {
            throw malformed("the value of %s is not base64", key);
        } catch (CharacterCodingException e) {
            throw malformed("the value of %s is not UTF-8 text", key);
        }
    }

    private static LakeException malformed(String format, Object... args) {
        return new LakeException(ErrorCode.INVALID_REQUEST, "Malformed Upload-Metadata header: " + String.format(format, args));
    }
}
