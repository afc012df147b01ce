package org.zonelake.pipelines.sqldump;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zonelake.core.gold.sql.ColumnType;

/**
 * Maps a column type of CREATE TABLE (MySQL, PostgreSQL, SQLite or standard spelling) to a gold column type:
 * integer types to INTEGER (but {@code BIGINT UNSIGNED}, which may exceed a signed 64-bit integer, to DECIMAL),
 * DECIMAL/NUMERIC to DECIMAL with their scale, floating types to DOUBLE, BOOLEAN, DATE, DATETIME and TIMESTAMP
 * to TIMESTAMP; anything else (CHAR, TEXT, ENUM, JSON, TIME, BLOB...) to TEXT.
 */
final class SqlTypes {
    /** The type a column declares; a decimal {@code scale} of -1 means "as the values need" (NUMERIC without scale). */
    record Declared(ColumnType type, int scale) {}

    private static final Pattern ARGUMENTS = Pattern.compile("\\(([^)]*)\\)");
    private static final List<String> INTEGERS = List.of("int", "integer", "bigint", "smallint", "tinyint", "mediumint", "int2", "int4", "int8",
            "serial", "bigserial", "smallserial", "serial4", "serial8", "year");
    private static final List<String> DECIMALS = List.of("decimal", "numeric", "dec", "fixed", "number");
    private static final List<String> DOUBLES = List.of("float", "double", "real", "float4", "float8", "double precision", "binary_double", "binary_float");
    private static final List<String> TIMESTAMPS = List.of("datetime", "timestamp", "timestamptz", "datetime2", "smalldatetime", "datetimeoffset");

    private SqlTypes() {}

    /** The gold type of a column declared as {@code dataType} (as JSqlParser gives it, e.g. "decimal (10, 2)") with {@code arguments}. */
    static Declared of(String dataType, List<String> arguments) {
        String spelled = dataType.toLowerCase(Locale.ROOT).strip();
        Matcher inline = ARGUMENTS.matcher(spelled);
        List<String> args = inline.find() ? List.of(inline.group(1).split(",")) : arguments == null ? List.of() : arguments;
        String base = ARGUMENTS.matcher(spelled).replaceAll(" ").replaceAll("\\s+", " ").strip();
        boolean unsigned = base.contains("unsigned");
        String name = base.replace("unsigned", "").replace("zerofill", "").replace("signed", "").strip();
        String first = name.split(" ")[0];
        if (INTEGERS.contains(first)) {
            return first.equals("bigint") && unsigned ? new Declared(ColumnType.DECIMAL, 0) : new Declared(ColumnType.INTEGER, 0);
        }
        if (DECIMALS.contains(first)) {
            return new Declared(ColumnType.DECIMAL, args.size() >= 2 ? scale(args.get(1)) : args.size() == 1 ? 0 : -1);
        }
        if (DOUBLES.contains(name) || DOUBLES.contains(first)) {
            return new Declared(ColumnType.DOUBLE, 0);
        }
        if (first.equals("boolean") || first.equals("bool")) {
            return new Declared(ColumnType.BOOLEAN, 0);
        }
        if (first.equals("date")) {
            return new Declared(ColumnType.DATE, 0);
        }
        if (TIMESTAMPS.contains(first)) {
            return new Declared(ColumnType.TIMESTAMP, 0);
        }
        return new Declared(ColumnType.TEXT, 0);
    }

    private static int scale(String argument) {
        try {
            return Math.max(Integer.parseInt(argument.strip()), 0);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
