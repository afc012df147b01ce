package org.zonelake.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;

/** What differs between the SQL engines the gold zone runs on: types, DDL transactions and locks. */
public enum SqlDialect {
    /** H2 2.x: DDL commits the open transaction, so the store guards tables with in-process locks. */
    H2 {
        @Override
        String textType() {
            // Without a length H2 allows its maximum, 10^9 characters.
            return "CHARACTER VARYING";
        }

        @Override
        boolean transactionalDdl() {
            return false;
        }

        @Override
        void lock(Connection connection, String key) {
            // One process owns an embedded H2 file, so TableLocks in that process are enough.
        }

        @Override
        Map<String, String> dataSourceProperties() {
            return Map.of();
        }
    },
    /** PostgreSQL: DDL is transactional; writers of one table are serialised by advisory locks across processes. */
    POSTGRESQL {
        @Override
        String textType() {
            return "TEXT";
        }

        @Override
        boolean transactionalDdl() {
            return true;
        }

        @Override
        void lock(Connection connection, String key) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                statement.setLong(1, lockId(key));
                statement.execute();
            }
        }

        @Override
        Map<String, String> dataSourceProperties() {
            // The driver turns a batch of single-row INSERTs into multi-row INSERTs: several times faster.
            return Map.of("reWriteBatchedInserts", "true");
        }
    };

    public static SqlDialect forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("No SQL dialect for JDBC URL " + jdbcUrl.replaceAll("[?;].*", "") + " (PostgreSQL or H2 only)");
    }

    abstract String textType();

    /** Whether DDL statements take part in the transaction (PostgreSQL) or commit it (H2). */
    abstract boolean transactionalDdl();

    /** Takes a lock named {@code key} that the current transaction holds until it ends. */
    abstract void lock(Connection connection, String key) throws SQLException;

    abstract Map<String, String> dataSourceProperties();

    /** A double-quoted identifier; names reaching here are already sanitised, quoting keeps their case and dashes. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    String sqlType(Column column) {
        return switch (column.type()) {
            case INTEGER -> "BIGINT";
            case DECIMAL -> "NUMERIC(38," + column.scale() + ")";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case TEXT -> textType();
        };
    }

    /** The column type for an {@code information_schema.columns.data_type} value, if the gold zone writes it. */
    static Optional<ColumnType> columnType(String dataType) {
        return Optional.ofNullable(switch (dataType.toUpperCase(Locale.ROOT)) {
            case "BIGINT" -> ColumnType.INTEGER;
            case "NUMERIC", "DECIMAL" -> ColumnType.DECIMAL;
            case "DOUBLE PRECISION" -> ColumnType.DOUBLE;
            case "BOOLEAN" -> ColumnType.BOOLEAN;
            case "DATE" -> ColumnType.DATE;
            case "TIMESTAMP WITH TIME ZONE" -> ColumnType.TIMESTAMP;
            case "CHARACTER VARYING", "TEXT", "CHARACTER LARGE OBJECT" -> ColumnType.TEXT;
            default -> null;
        });
    }

    static long lockId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("zonelake/" + key).getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                id = (id << 8) | (digest[i] & 0xff);
            }
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
