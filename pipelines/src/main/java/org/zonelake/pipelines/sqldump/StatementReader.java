package org.zonelake.pipelines.sqldump;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Reads an SQL dump one statement at a time, never more than one statement in memory. It knows enough SQL
 * to find statement ends: {@code '...'} strings, {@code "..."} and {@code `...`} identifiers, {@code --} and
 * {@code /* *}{@code /} comments (dropped, MySQL's executable {@code /*!...*}{@code /} ones too) and the mysql
 * client's {@code DELIMITER} command. String literals are rewritten in standard SQL form (a quote doubled, no
 * backslash escapes) so the SQL parser sees one dialect; with {@code backslashEscapes} (MySQL) {@code \'},
 * {@code \\}, {@code \n}... are decoded first.
 */
final class StatementReader {
    /** One statement, without comments or its delimiter, and the line it starts on. */
    record Statement(int line, String sql) {}

    private final Reader reader;
    private final boolean backslashEscapes;
    private final int maxStatementChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int line = 1;
    private String delimiter = ";";

    StatementReader(Reader reader, boolean backslashEscapes, int maxStatementChars) {
        this.reader = requireNonNull(reader, "reader is null");
        this.backslashEscapes = backslashEscapes;
        this.maxStatementChars = maxStatementChars;
    }

    /** The next non-empty statement, or {@code null} at the end of the dump. */
    Statement next() throws IOException {
        StringBuilder sql = new StringBuilder();
        int start = 0;
        int c;
        while ((c = read()) >= 0) {
            if (c == '-' && peek() == '-') {
                skipLine();
                sql.append('\n');
            } else if (c == '/' && peek() == '*') {
                skipBlockComment();
                sql.append(' ');
            } else {
                if (start == 0 && !Character.isWhitespace(c)) {
                    start = line;
                }
                if (c == '\'') {
                    string(sql, start);
                } else if (c == '"' || c == '`') {
                    identifier(sql, (char) c, start);
                } else {
                    sql.append((char) c);
                }
                if (endsWithDelimiter(sql)) {
                    sql.setLength(sql.length() - delimiter.length());
                    if (!sql.toString().isBlank()) {
                        return new Statement(start, sql.toString().strip());
                    }
                    start = 0;
                    sql.setLength(0);
                } else if ((c == ' ' || c == '\t') && sql.toString().strip().equalsIgnoreCase("DELIMITER")) {
                    delimiter = restOfLine().strip();
                    if (delimiter.isEmpty()) {
                        throw invalid(start, "DELIMITER without a delimiter");
                    }
                    start = 0;
                    sql.setLength(0);
                }
            }
            if (sql.length() > maxStatementChars) {
                throw invalid(start, "the statement is longer than " + maxStatementChars + " characters");
            }
        }
        return sql.toString().isBlank() ? null : new Statement(start, sql.toString().strip());
    }

    private boolean endsWithDelimiter(StringBuilder sql) {
        int length = delimiter.length();
        return sql.length() >= length && sql.charAt(sql.length() - 1) == delimiter.charAt(length - 1)
                && sql.substring(sql.length() - length).equals(delimiter);
    }

    /** Copies a string literal whose opening quote was read, in standard form. */
    private void string(StringBuilder sql, int start) throws IOException {
        int opened = line;
        sql.append('\'');
        while (true) {
            int c = read();
            if (c < 0) {
                throw invalid(start, "a quoted string starting on line " + opened + " is never closed");
            }
            if (c == '\'' && peek() == '\'') {
                read();
                sql.append("''");
            } else if (c == '\'') {
                sql.append('\'');
                return;
            } else if (c == '\\' && backslashEscapes) {
                char escaped = unescape(read());
                sql.append(escaped == '\'' ? "''" : String.valueOf(escaped));
            } else {
                sql.append((char) c);
            }
        }
    }

    /** MySQL's escapes; {@code \%} and {@code \_} keep their backslash, as MySQL does. */
    private char unescape(int c) throws IOException {
        return switch (c) {
            case -1 -> '\\';
            case '0' -> '\0';
            case 'b' -> '\b';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'Z' -> '\u001A';
            case '%', '_' -> {
                unread();
                yield '\\';
            }
            default -> (char) c;
        };
    }

    private void identifier(StringBuilder sql, char quote, int start) throws IOException {
        int opened = line;
        sql.append(quote);
        while (true) {
            int c = read();
            if (c < 0) {
                throw invalid(start, "a quoted name starting on line " + opened + " is never closed");
            }
            sql.append((char) c);
            if (c == quote) {
                if (peek() != quote) {
                    return;
                }
                sql.append((char) read());
            }
        }
    }

    private void skipLine() throws IOException {
        int c;
        while ((c = peek()) >= 0 && c != '\n') {
            read();
        }
    }

    private void skipBlockComment() throws IOException {
        read();
        int previous = 0;
        int c;
        while ((c = read()) >= 0) {
            if (previous == '*' && c == '/') {
                return;
            }
            previous = c;
        }
    }

    private String restOfLine() throws IOException {
        StringBuilder rest = new StringBuilder();
        int c;
        while ((c = peek()) >= 0 && c != '\n') {
            rest.append((char) read());
        }
        return rest.toString();
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        char c = buffer[position++];
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void unread() {
        position--;
        if (buffer[position] == '\n') {
            line--;
        }
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    /** Refills the buffer, keeping the last character so {@link #unread} always works. */
    private boolean fill() throws IOException {
        int keep = limit > 0 ? 1 : 0;
        if (keep == 1) {
            buffer[0] = buffer[limit - 1];
        }
        int count = reader.read(buffer, keep, buffer.length - keep);
        if (count <= 0) {
            return false;
        }
        position = keep;
        limit = keep + count;
        return true;
    }

    private static LakeException invalid(int line, String reason) {
        return new LakeException(ErrorCode.INVALID_DATA, "Line " + line + ": " + reason);
    }
}
