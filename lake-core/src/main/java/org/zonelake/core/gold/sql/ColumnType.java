package org.zonelake.core.gold.sql;

/**
 * Column types of gold tables and the Java values rows carry for them: {@link Long}, {@link java.math.BigDecimal},
 * {@link Double}, {@link Boolean}, {@link java.time.LocalDate}, {@link java.time.Instant} (UTC), {@link String}.
 */
public enum ColumnType {
    INTEGER,
    DECIMAL,
    DOUBLE,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    TEXT
}
