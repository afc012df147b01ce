package org.zonelake.pipelines.sqldump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zonelake.pipelines.sqldump.StatementReader.Statement;

class StatementReaderTest {
    @Test
    void splitsOnSemicolonsOutsideQuotesAndCommentsWithTheirStartLines() throws IOException {
        List<Statement> statements = read("-- intro; not a statement\nSELECT 'a;b';\n/* x; y */ INSERT INTO `t;` VALUES (1);\n\nDROP TABLE \"q;\"", true);

        assertThat(statements).containsExactly(
                new Statement(2, "SELECT 'a;b'"),
                new Statement(3, "INSERT INTO `t;` VALUES (1)"),
                new Statement(5, "DROP TABLE \"q;\""));
    }

    @Test
    void rewritesMysqlEscapesAsStandardStrings() throws IOException {
        assertThat(read("INSERT INTO t VALUES ('O\\'Brien', 'a\\\\b', 'line\\nbreak', 'it''s', '50\\%');", true))
                .extracting(Statement::sql)
                .containsExactly("INSERT INTO t VALUES ('O''Brien', 'a\\b', 'line\nbreak', 'it''s', '50\\%')");
    }

    @Test
    void keepsBackslashesOfStandardStrings() throws IOException {
        assertThat(read("INSERT INTO t VALUES ('C:\\temp\\');", false)).extracting(Statement::sql)
                .containsExactly("INSERT INTO t VALUES ('C:\\temp\\')");
    }

    @Test
    void followsTheMysqlClientsDelimiterCommand() throws IOException {
        List<Statement> statements = read("DELIMITER ;;\nCREATE PROCEDURE p() BEGIN SELECT 1; END ;;\nDELIMITER ;\nSELECT 2;\n", true);

        assertThat(statements).containsExactly(
                new Statement(2, "CREATE PROCEDURE p() BEGIN SELECT 1; END"),
                new Statement(4, "SELECT 2"));
    }

    @Test
    void dropsConditionalCommentsLeavingEmptyStatementsOut() throws IOException {
        assertThat(read("/*!40101 SET NAMES utf8 */;\n/*!40000 ALTER TABLE `t` DISABLE KEYS */;\nSELECT 1;", true))
                .containsExactly(new Statement(3, "SELECT 1"));
    }

    @Test
    void countsLinesInsideStrings() throws IOException {
        assertThat(read("SELECT 'a\nb\nc';\nSELECT 2;", false)).extracting(Statement::line).containsExactly(1, 4);
    }

    @Test
    void rejectsAStringThatIsNeverClosed() {
        assertThatThrownBy(() -> read("SELECT 1;\n\nINSERT INTO t VALUES ('x);\n", true))
                .hasMessage("Line 3: a quoted string starting on line 3 is never closed");
    }

    @Test
    void rejectsAStatementLongerThanTheLimit() {
        assertThatThrownBy(() -> new StatementReader(new StringReader("SELECT '" + "x".repeat(100) + "';"), true, 50).next())
                .hasMessage("Line 1: the statement is longer than 50 characters");
    }

    private static List<Statement> read(String dump, boolean backslashEscapes) throws IOException {
        StatementReader reader = new StatementReader(new StringReader(dump), backslashEscapes, 1 << 20);
        List<Statement> statements = new ArrayList<>();
        Statement statement;
        while ((statement = reader.next()) != null) {
            statements.add(statement);
        }
        return statements;
    }
}
