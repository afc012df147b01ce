package org.zonelake.core.gold.sql;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** A column; {@code scale} counts decimal places and matters for {@link ColumnType#DECIMAL} only. */
public record Column(String name, ColumnType type, int scale) {
    /** Sanitised SQL identifier: lower case, starts with a letter or underscore, at most 63 characters. */
    public static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Column name '" + name + "' is not a sanitised identifier " + NAME);
        }
        if (scale < 0) {
            throw new IllegalArgumentException("Column " + name + " has a negative scale " + scale);
        }
    }

    public Column(String name, ColumnType type) {
        this(name, type, 0);
    }
}
