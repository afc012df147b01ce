package org.zonelake.ingest.service;

import java.text.Normalizer;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Rules for the client's file names. Names are data, never paths: they are kept verbatim (NFC-normalised) in the
 * metadata zone, and only {@link #safeFileName} versions reach a header or a zip entry.
 */
public final class ObjectNames {
    private ObjectNames() {}

    /** Returns the name to store, or throws {@code INVALID_NAME} for an empty, too long or malformed name. */
    public static String checkOriginalName(String name, int maxLength) {
        if (name == null || name.isBlank()) {
            throw new LakeException(ErrorCode.INVALID_NAME, "The object needs a file name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) ? i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(++i))
                    : Character.isLowSurrogate(c)) {
                throw new LakeException(ErrorCode.INVALID_NAME, "The file name is not valid Unicode");
            }
        }
        String normalised = Normalizer.normalize(name, Normalizer.Form.NFC);
        if (normalised.codePointCount(0, normalised.length()) > maxLength) {
            throw LakeException.of(ErrorCode.INVALID_NAME, "The file name has more than %d characters", maxLength);
        }
        return normalised;
    }

    /**
     * A version of the name safe as a single file name anywhere: no directory part, no control or
     * bidirectional-override characters, no leading dots, never empty.
     */
    public static String safeFileName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder(base.length());
        base.codePoints().forEach(cp -> sb.appendCodePoint(isUnsafe(cp) ? '_' : cp));
        String safe = sb.toString().replaceFirst("^[.\\s]+", "").strip();
        return safe.isEmpty() ? "object" : safe;
    }

    private static boolean isUnsafe(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.FORMAT
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || codePoint == ':' || codePoint == '"' || codePoint == '*' || codePoint == '?'
                || codePoint == '<' || codePoint == '>' || codePoint == '|';
    }
}
