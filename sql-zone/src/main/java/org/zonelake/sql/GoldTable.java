package org.zonelake.sql;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * A gold table of a project and the SQL schema holding it. The schema is {@code p_} followed by the project name,
 * quoted so that dashes stay and {@code a-b} and {@code a_b} never meet; a name too long for the 63-character
 * identifiers of PostgreSQL keeps its first 44 characters and gains 16 hex digits of its SHA-256.
 */
record GoldTable(String project, String schema, String table) {
    /** Project names as the lake allows them. */
    static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    static final int MAX_IDENTIFIER = 63;
    private static final String PREFIX = "p_";

    GoldTable {
        requireNonNull(project, "project is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
    }

    static GoldTable of(String project, String table) {
        return new GoldTable(project, schemaOf(project), table);
    }

    static String schemaOf(String project) {
        requireNonNull(project, "project is null");
        if (!PROJECT.matcher(project).matches()) {
            throw LakeException.of(ErrorCode.INVALID_NAME, "Project name '%s' does not match %s", project, PROJECT);
        }
        String schema = PREFIX + project;
        if (schema.length() <= MAX_IDENTIFIER) {
            return schema;
        }
        String hash = sha256Hex(project).substring(0, 16);
        return PREFIX + project.substring(0, MAX_IDENTIFIER - PREFIX.length() - 1 - hash.length()) + "_" + hash;
    }

    String qualified() {
        return SqlDialect.qualified(schema, table);
    }

    /** The key of this table's locks. */
    String lockKey() {
        return schema + "/" + table;
    }

    @Override
    public String toString() {
        return project + "/" + table;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
