package org.zonelake.ingest.objects;

import java.nio.charset.StandardCharsets;
import org.zonelake.ingest.service.ObjectNames;

/**
 * {@code Content-Disposition: attachment} for a client's file name (RFC 6266): a plain-ASCII {@code filename} for old
 * clients and the exact name as UTF-8 in {@code filename*} (RFC 8187). Both come from {@link ObjectNames#safeFileName},
 * so no directory part, control character or bidirectional override reaches the header.
 */
public final class ContentDisposition {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ContentDisposition() {}

    public static String attachment(String originalName) {
        String safe = ObjectNames.safeFileName(originalName);
        return "attachment; filename=\"" + asciiFallback(safe) + "\"; filename*=UTF-8''" + percentEncoded(safe);
    }

    /** Printable ASCII but the quote, backslash and percent sign (which some clients decode); the rest becomes {@code _}. */
    static String asciiFallback(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> sb.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '%' ? (char) cp : '_'));
        return sb.toString();
    }

    /** RFC 8187 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as {@code %XX}. */
    static String percentEncoded(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    private static boolean isAttrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
