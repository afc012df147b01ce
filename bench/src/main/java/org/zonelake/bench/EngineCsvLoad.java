package org.zonelake.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline of the bulk load: H2, the SQL zone's embedded engine (same version, file database, default settings),
 * loading the benchmark's large CSV itself with {@code CSVREAD}, each variant into a fresh database in a directory of
 * its own. Only the loading statements are timed.
 */
final class EngineCsvLoad {
    /** One load: how many rows, how long, and the column types the table ended with. */
    record Result(String variant, long rows, double seconds, double cpuSeconds, List<String> columnTypes) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private EngineCsvLoad() {
    }

    /** {@code CREATE TABLE ... AS SELECT * FROM CSVREAD(...)}: every column {@code CHARACTER VARYING}. */
    static Result untyped(Path dir, Path csv) throws Exception {
        return load("CSVREAD, all text", dir, List.of("CREATE TABLE bulk AS SELECT * FROM " + csvRead(csv)));
    }

    /**
     * The table the lake makes of the same file (sql-zone's DDL for the inferred types, the provenance columns and the
     * primary key {@code (zl_object_id, zl_row)}), filled by one {@code INSERT ... SELECT} with casts from
     * {@code CSVREAD}.
     */
    static Result typed(Path dir, Path csv) throws Exception {
        return load("CSVREAD, lake's typed table", dir, List.of(
                "CREATE TABLE bulk (\"id\" BIGINT, \"recorded_at\" TIMESTAMP WITH TIME ZONE, \"amount\" NUMERIC(38,2), "
                        + "\"quantity\" BIGINT, \"label\" CHARACTER VARYING, \"zl_object_id\" BIGINT NOT NULL, "
                        + "\"zl_run_id\" CHARACTER VARYING NOT NULL, \"zl_row\" BIGINT NOT NULL, PRIMARY KEY (\"zl_object_id\", \"zl_row\"))",
                // CSVREAD upper-cases the header's names.
                "INSERT INTO bulk SELECT CAST(ID AS BIGINT), CAST(RECORDED_AT AS TIMESTAMP WITH TIME ZONE), CAST(AMOUNT AS NUMERIC(38,2)), "
                        + "CAST(QUANTITY AS BIGINT), LABEL, 1, 'baseline', ROWNUM() FROM " + csvRead(csv)));
    }

    private static Result load(String variant, Path dir, List<String> statements) throws Exception {
        Files.createDirectories(dir);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("engine"), "bench", "");
             Statement statement = connection.createStatement()) {
            double cpu = ProcessCpu.seconds();
            long start = System.nanoTime();
            for (String sql : statements) {
                statement.execute(sql);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(variant, count(statement), seconds, ProcessCpu.seconds() - cpu, columnTypes(statement));
        }
    }

    private static String csvRead(Path csv) {
        LakeClient.require(!csv.toString().contains("'"), "the CSV path may not hold a quote: " + csv);
        return "CSVREAD('" + csv.toAbsolutePath() + "', NULL, 'charset=UTF-8')";
    }

    private static long count(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM bulk")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> columnTypes(Statement statement) throws SQLException {
        List<String> types = new ArrayList<>();
        try (ResultSet columns = statement.executeQuery("SELECT COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_NAME = 'BULK' ORDER BY ORDINAL_POSITION")) {
            while (columns.next()) {
                types.add(columns.getString(1).toLowerCase(java.util.Locale.ROOT) + " " + columns.getString(2));
            }
        }
        return types;
    }
}
