package org.zonelake.pipelines.sqldump;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.insert.Insert;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Parses the CREATE TABLE and INSERT statements of a dump with JSqlParser, one statement at a time on a parser
 * thread of its own (JSqlParser's way of enforcing a time limit), and turns them into names, declared types and
 * rows of literals. Anything that is not a literal value is an error: the dump is data, never executed.
 */
final class DumpParser implements AutoCloseable {
    /** A CREATE TABLE: the table and its columns with their declared types. */
    record Create(String table, List<String> columns, List<SqlTypes.Declared> types) {}

    /** An INSERT: the table, the columns it names ({@code null} if none) and its rows, or no rows if not VALUES. */
    record Rows(String table, List<String> columns, List<List<Literal>> rows, boolean fromValues) {}

    private static final Duration TIME_LIMIT = Duration.ofMinutes(2);
    private static final Pattern POSITION = Pattern.compile("at line (\\d+), column (\\d+)");
    private static final Pattern TOKEN_AND_KIND = Pattern.compile(":? \"([^\"]*)\" \"[^\"]*\"$");

    static {
        // JSqlParser logs two INFO lines through java.util.logging for every statement it parses.
        CCJSqlParserUtil.LOGGER.setLevel(Level.WARNING);
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sql-dump-parser");
        thread.setDaemon(true);
        return thread;
    });

    Create create(StatementReader.Statement statement) {
        if (!(parse(statement) instanceof CreateTable create) || create.getColumnDefinitions() == null) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        List<SqlTypes.Declared> types = new ArrayList<>();
        for (ColumnDefinition column : create.getColumnDefinitions()) {
            columns.add(unquoted(column.getColumnName()));
            types.add(SqlTypes.of(column.getColDataType().getDataType(), column.getColDataType().getArgumentsStringList()));
        }
        return new Create(tableName(create.getTable()), columns, types);
    }

    Rows insert(StatementReader.Statement statement) {
        if (!(parse(statement) instanceof Insert insert)) {
            throw invalid(statement.line(), "not an INSERT statement");
        }
        List<String> columns = insert.getColumns() == null ? null
                : insert.getColumns().stream().map(column -> unquoted(column.getColumnName())).toList();
        String table = tableName(insert.getTable());
        if (insert.getValues() == null) {
            return new Rows(table, columns, List.of(), false);
        }
        ExpressionList<?> values = insert.getValues().getExpressions();
        List<List<Literal>> rows = new ArrayList<>();
        if (values instanceof ParenthesedExpressionList<?> single && !(single.isEmpty() || single.get(0) instanceof ExpressionList)) {
            rows.add(row(statement, table, single));
        } else {
            for (Expression row : values) {
                rows.add(row(statement, table, row instanceof ExpressionList<?> list ? list : new ExpressionList<>(row)));
            }
        }
        return new Rows(table, columns, rows, true);
    }

    private Statement parse(StatementReader.Statement statement) {
        try {
            return CCJSqlParserUtil.parse(statement.sql(), executor, parser -> parser.withTimeOut(TIME_LIMIT.toMillis()));
        } catch (JSQLParserException e) {
            throw invalid(statement.line(), parseError(statement, e));
        }
    }

    /** "cannot parse the statement at line 4, column 24: Encountered unexpected token "," (expected ")")", the line counted in the file. */
    private static String parseError(StatementReader.Statement statement, JSQLParserException e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause.getMessage() == null || !cause.getMessage().contains("Encountered"))) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? e.toString() : cause.getMessage();
        List<String> lines = message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String first = TOKEN_AND_KIND.matcher(lines.get(0).replaceFirst("^[\\w.]*(ParseException|JSQLParserException): ", ""))
                .replaceFirst(" \"$1\"");
        String expected = expected(lines);
        Matcher position = POSITION.matcher(message);
        String where = position.find()
                ? " at line " + (statement.line() + Integer.parseInt(position.group(1)) - 1) + ", column " + position.group(2) : "";
        return "cannot parse the statement" + where + ": " + first + expected;
    }

    /** The parser's "Was expecting" alternatives, if there are few enough to help. */
    private static String expected(List<String> lines) {
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Was expecting")) {
                from = i + 1;
            }
        }
        if (from < 0 || from >= lines.size() || lines.size() - from > 3) {
            return "";
        }
        return " (expected " + String.join(" or ", lines.subList(from, lines.size())) + ")";
    }

    private static List<Literal> row(StatementReader.Statement statement, String table, ExpressionList<?> expressions) {
        List<Literal> row = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            row.add(literal(statement, table, expression));
        }
        return row;
    }

    private static Literal literal(StatementReader.Statement statement, String table, Expression expression) {
        if (expression instanceof NullValue) {
            return Literal.NULL;
        }
        if (expression instanceof LongValue || expression instanceof DoubleValue) {
            return new Literal(Literal.Kind.NUMBER, expression.toString());
        }
        if (expression instanceof SignedExpression signed && (signed.getExpression() instanceof LongValue || signed.getExpression() instanceof DoubleValue)) {
            return new Literal(Literal.Kind.NUMBER, (signed.getSign() == '-' ? "-" : "") + signed.getExpression());
        }
        if (expression instanceof StringValue string) {
            return new Literal(Literal.Kind.STRING, string.getValue().replace("''", "'"));
        }
        if (expression instanceof BooleanValue bool) {
            return new Literal(Literal.Kind.BOOLEAN, Boolean.toString(bool.getValue()));
        }
        if (expression instanceof HexValue || expression instanceof DateValue || expression instanceof TimeValue || expression instanceof TimestampValue) {
            return new Literal(Literal.Kind.STRING, unquotedLiteral(expression.toString()));
        }
        if (expression instanceof CastExpression cast && cast.isImplicitCast() && cast.getLeftExpression() instanceof StringValue string) {
            return new Literal(Literal.Kind.STRING, string.getValue().replace("''", "'"));
        }
        throw invalid(statement.line(), "INSERT INTO " + table + " has a value that is not a literal: " + abbreviated(expression.toString()));
    }

    private static String tableName(Table table) {
        return unquoted(table.getName());
    }

    static String unquoted(String name) {
        if (name.length() >= 2 && "`\"[".indexOf(name.charAt(0)) >= 0) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    private static String unquotedLiteral(String text) {
        int quote = text.indexOf('\'');
        return quote >= 0 && text.endsWith("'") ? text.substring(quote + 1, text.length() - 1) : text;
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static LakeException invalid(int line, String reason) {
        return new LakeException(ErrorCode.INVALID_DATA, "Line " + line + ": " + reason);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
