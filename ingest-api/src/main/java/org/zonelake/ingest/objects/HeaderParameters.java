package org.zonelake.ingest.objects;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a header value such as {@code form-data; name="file"; filename="a b.txt"} (RFC 9110 §5.6.6),
 * and RFC 8187 extended values ({@code filename*=UTF-8''%E2%82%AC.txt}).
 */
final class HeaderParameters {
    private HeaderParameters() {}

    /**
     * Lower-case parameter names to their values, quotes removed; the first of a repeated name wins. Inside quotes,
     * a backslash escapes only a quote or a backslash, so that file names such as {@code C:\data\x.csv} survive.
     */
    static Map<String, String> parse(String value) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = value.indexOf(';');
        while (i >= 0 && i < value.length()) {
            i = skipSeparators(value, i);
            int nameEnd = i;
            while (nameEnd < value.length() && value.charAt(nameEnd) != '=' && value.charAt(nameEnd) != ';') {
                nameEnd++;
            }
            String name = value.substring(i, nameEnd).strip().toLowerCase(Locale.ROOT);
            i = nameEnd;
            if (nameEnd < value.length() && value.charAt(nameEnd) == '=') {
                StringBuilder parameter = new StringBuilder();
                i = readValue(value, nameEnd + 1, parameter);
                if (!name.isEmpty()) {
                    parameters.putIfAbsent(name, parameter.toString());
                }
            }
        }
        return parameters;
    }

    private static int skipSeparators(String value, int from) {
        int i = from;
        while (i < value.length() && (value.charAt(i) == ';' || Character.isWhitespace(value.charAt(i)))) {
            i++;
        }
        return i;
    }

    /** Reads a token or a quoted string starting at {@code from}; returns the index after it. */
    private static int readValue(String value, int from, StringBuilder out) {
        int i = from;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        if (i < value.length() && value.charAt(i) == '"') {
            return readQuoted(value, i + 1, out);
        }
        int end = value.indexOf(';', i);
        end = end < 0 ? value.length() : end;
        out.append(value.substring(i, end).strip());
        return end;
    }

    private static int readQuoted(String value, int from, StringBuilder out) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\')) {
                out.append(value.charAt(++i));
            } else if (c == '"') {
                return i + 1;
            } else {
                out.append(c);
            }
        }
        return value.length();
    }

    /** Decodes {@code charset'language'percent-encoded} (UTF-8 or ISO-8859-1); {@code null} if it is not that. */
    static String decodeExtended(String extended) {
        int first = extended.indexOf('\'');
        int second = first < 0 ? -1 : extended.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        String charsetName = extended.substring(0, first).strip().toUpperCase(Locale.ROOT);
        Charset charset = charsetName.equals("UTF-8") ? StandardCharsets.UTF_8
                : charsetName.equals("ISO-8859-1") ? StandardCharsets.ISO_8859_1 : null;
        byte[] bytes = charset == null ? null : percentDecoded(extended.substring(second + 1));
        return bytes == null ? null : new String(bytes, charset);
    }

    /** The bytes of RFC 8187 {@code value-chars}, or {@code null} for a malformed escape or a character not allowed. */
    private static byte[] percentDecoded(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x20 && c < 0x7f) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        return bytes.toByteArray();
    }
}
