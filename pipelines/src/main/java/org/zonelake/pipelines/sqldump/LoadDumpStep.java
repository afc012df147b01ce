package org.zonelake.pipelines.sqldump;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.TableSchema;
import org.zonelake.core.gold.sql.WriteMode;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.StepResult;

/**
 * Step {@code load} of {@code sql-dump}: reads the dump statement by statement, keeps the CREATE TABLE and
 * INSERT statements (everything else is skipped, never executed), spools each table's rows to the run's work
 * directory, and only once the whole dump parsed writes every table to the gold zone, each replacing the
 * object's earlier table. A statement that does not parse, or a value that does not fit its column, fails the
 * step with its line before anything is written.
 */
final class LoadDumpStep implements PipelineStep {
    static final String NAME = "load";
    /** Longest statement read (a multi-row INSERT of mysqldump is at most its net_buffer_length, 1 MiB by default). */
    static final int MAX_STATEMENT_CHARS = 16 << 20;
    private static final int HEAD_BYTES = 64 << 10;
    private static final int LOGGED_SKIPS = 20;
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)CREATE\\s+(OR\\s+REPLACE\\s+)?((GLOBAL|LOCAL)\\s+)?((TEMPORARY|TEMP|UNLOGGED)\\s+)?TABLE\\b.*");
    private static final Pattern INSERT = Pattern.compile("(?is)INSERT\\b.*");
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)COPY\\b.*\\bFROM\\s+STDIN\\b.*");

    private final SqlStore store;

    LoadDumpStep(SqlStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult run(StepContext context) throws IOException {
        Path spoolDirectory = context.workDirectory().resolve("sql-dump-spool");
        deleteRecursively(spoolDirectory);
        Files.createDirectories(spoolDirectory);
        try (DumpTables tables = new DumpTables(spoolDirectory, context.object().originalObjectName(), context.object().id());
             DumpParser parser = new DumpParser();
             InputStream in = new BufferedInputStream(context.openObject())) {
            read(context, reader(context, in), parser, tables);
            if (tables.isEmpty()) {
                return StepResult.failed("The dump has no CREATE TABLE or INSERT statement: nothing to load");
            }
            return StepResult.succeeded(write(context, tables));
        } catch (LakeException e) {
            if (StepResult.isBadData(e)) {
                return StepResult.failed(e.getMessage());
            }
            throw e;
        } finally {
            deleteRecursively(spoolDirectory);
        }
    }

    /** A reader of the dump; MySQL string escapes unless the head says PostgreSQL or SQLite. Fails on binary bytes. */
    private static StatementReader reader(StepContext context, InputStream in) throws IOException {
        in.mark(HEAD_BYTES);
        byte[] head = in.readNBytes(HEAD_BYTES);
        in.reset();
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                throw new LakeException(ErrorCode.INVALID_DATA, "The file is binary (a zero byte at offset " + i + "), not an SQL dump");
            }
        }
        String text = new String(head, StandardCharsets.UTF_8);
        boolean standardStrings = text.contains("PostgreSQL database dump") || text.contains("PRAGMA foreign_keys") || text.contains("standard_conforming_strings = on");
        context.log("Reading the dump with %s string escapes", standardStrings ? "standard SQL" : "MySQL backslash");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        return new StatementReader(reader, !standardStrings, MAX_STATEMENT_CHARS);
    }

    private void read(StepContext context, StatementReader reader, DumpParser parser, DumpTables tables) throws IOException {
        SkippedStatements skipped = new SkippedStatements(context, LOGGED_SKIPS);
        StatementReader.Statement statement;
        while ((statement = reader.next()) != null) {
            if (context.cancelRequested()) {
                throw new CancellationException("Cancelled at line " + statement.line() + " of the dump");
            }
            String sql = statement.sql();
            if (CREATE_TABLE.matcher(sql).matches()) {
                create(context, statement, parser, tables, skipped);
            } else if (INSERT.matcher(sql).matches()) {
                insert(statement, parser, tables, skipped);
            } else if (COPY_FROM_STDIN.matcher(sql).matches()) {
                throw new LakeException(ErrorCode.INVALID_DATA, "Line " + statement.line()
                        + ": COPY ... FROM stdin data is not supported; dump with INSERT statements (pg_dump --inserts)");
            } else {
                skipped.skip(statement, "statement");
            }
        }
        skipped.summarise();
    }

    private static void create(StepContext context, StatementReader.Statement statement, DumpParser parser, DumpTables tables,
                               SkippedStatements skipped) throws IOException {
        DumpParser.Create create = parser.create(statement);
        if (create == null) {
            skipped.skip(statement, "CREATE TABLE without column definitions");
            return;
        }
        tables.table(create.table()).declare(statement.line(), create.columns(), create.types());
        context.log("Line %d: table %s with %d columns", statement.line(), create.table(), create.columns().size());
    }

    private static void insert(StatementReader.Statement statement, DumpParser parser, DumpTables tables, SkippedStatements skipped)
            throws IOException {
        DumpParser.Rows rows = parser.insert(statement);
        if (!rows.fromValues()) {
            skipped.skip(statement, "INSERT without VALUES");
            return;
        }
        tables.table(rows.table()).insert(statement.line(), rows.columns(), rows.rows());
    }

    private String write(StepContext context, DumpTables tables) throws IOException {
        StringBuilder summary = new StringBuilder();
        long total = 0;
        for (DumpTable table : tables.all()) {
            TableSchema schema = new TableSchema(table.goldName(), table.goldColumns());
            long written = store.writeTable(context.provenance(), schema, WriteMode.OWN_TABLE,
                    new CancellableRows(table.goldRows(), context));
            context.log("Wrote %d rows of dump table %s into %s", written, table.name(), table.goldName());
            summary.append(summary.isEmpty() ? "" : ", ").append(table.goldName()).append(" (").append(String.format(Locale.ROOT, "%,d", written)).append(")");
            total += written;
        }
        int count = tables.all().size();
        return String.format(Locale.ROOT, "%,d rows into %d %s: %s", total, count, count == 1 ? "table" : "tables", summary);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
