package org.zonelake.timeseries;

import static org.zonelake.core.error.ErrorCode.INVALID_NAME;

import io.questdb.cairo.TableUtils;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.zonelake.core.error.LakeException;

/**
 * How projects and measurements become QuestDB table names, which are case-insensitive and exclude many characters:
 * {@code zl_<project>__<measurement>}, where each part keeps {@code a-z} and {@code 0-9} and writes every other byte of
 * its UTF-8 form as {@code _xx} (two lower-case hex digits). An escape is always {@code _} and two hex digits, so
 * {@code __} occurs only as the separator: the mapping is one-to-one and the measurement can be read back.
 * Example: project {@code demo-1}, measurement {@code Air temp} → {@code zl_demo_2d1___41ir_20temp}.
 */
final class QuestDbNames {
    static final String PREFIX = "zl_";
    static final String SEPARATOR = "__";
    /** QuestDB's default {@code cairo.max.file.name.length}. */
    static final int MAX_LENGTH = 127;

    private QuestDbNames() {}

    static String table(String project, String measurement) {
        String table = projectPrefix(project) + encode(measurement);
        if (table.length() > MAX_LENGTH) {
            throw LakeException.of(INVALID_NAME, "Cannot store measurement '%s' of project %s in QuestDB: its table name %s is longer than %d characters",
                    measurement, project, table, MAX_LENGTH);
        }
        return table;
    }

    /** Every table of the project starts with this, and no table of another project does. */
    static String projectPrefix(String project) {
        return PREFIX + encode(project) + SEPARATOR;
    }

    /** The measurement a table of the project holds, or empty if the table is not one of the project's. */
    static Optional<String> measurement(String project, String table) {
        String prefix = projectPrefix(project);
        if (!table.startsWith(prefix)) {
            return Optional.empty();
        }
        String encoded = table.substring(prefix.length());
        try {
            String measurement = decode(encoded);
            // A table someone else named to look like ours does not decode back to itself: not a measurement.
            return encode(measurement).equals(encoded) ? Optional.of(measurement) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void requireColumnName(String measurement, String kind, String key) {
        if (!TableUtils.isValidColumnName(key, MAX_LENGTH)) {
            throw LakeException.of(INVALID_NAME, "Cannot store %s '%s' of measurement %s in QuestDB: a column name has at most %d "
                    + "characters and none of . - ? , ' \" \\ / : ( ) + * %% ~", kind, key, measurement, MAX_LENGTH);
        }
    }

    /** A double-quoted SQL identifier. */
    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A single-quoted SQL string literal. */
    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 'a' && b <= 'z' || b >= '0' && b <= '9') {
                out.append((char) b);
            } else {
                out.append('_').append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        }
        return out.toString();
    }

    static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_' && i + 2 < encoded.length()) {
                bytes.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
