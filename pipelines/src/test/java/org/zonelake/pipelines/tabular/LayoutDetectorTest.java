package org.zonelake.pipelines.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class LayoutDetectorTest {
    @TempDir
    Path directory;

    @Test
    void findsACommaDelimitedFileWithAHeader() throws IOException {
        TextLayout layout = detect("id,name,amount\n1,alice,10.5\n2,bob,3\n");

        assertThat(layout).isEqualTo(new TextLayout("UTF-8", ',', 1, List.of("id", "name", "amount")));
    }

    @Test
    void prefersTheDelimiterThatGivesTheSameFieldCountOnEveryLine() throws IOException {
        TextLayout layout = detect("name;remark;score\nalice;fine, really;1\nbob;ok;2\ncarol;a, b, c;3\n");

        assertThat(layout.delimiter()).isEqualTo(';');
        assertThat(layout.fieldCount()).isEqualTo(3);
    }

    @Test
    void ignoresDelimitersInsideQuotes() throws IOException {
        TextLayout layout = detect("a|b\n\"x|y\"|1\n\"z\"|2\n");

        assertThat(layout.delimiter()).isEqualTo('|');
        assertThat(layout.names()).containsExactly("a", "b");
    }

    @Test
    void seesNoHeaderWhenTheFirstLineHasTypedValues() throws IOException {
        TextLayout layout = detect("2024-03-01\t12.5\tx\n2024-03-02\t13\ty\n");

        assertThat(layout.delimiter()).isEqualTo('\t');
        assertThat(layout.hasHeader()).isFalse();
        assertThat(layout.names()).containsExactly("column_1", "column_2", "column_3");
    }

    @Test
    void seesNoHeaderWhenAFirstLineNameRepeatsBelow() throws IOException {
        assertThat(detect("red,circle\nblue,square\nred,square\n").hasHeader()).isFalse();
    }

    @Test
    void skipsLeadingBlankLinesAndAByteOrderMark() throws IOException {
        TextLayout layout = detect("\uFEFF\n\nid,name\n1,a\n");

        assertThat(layout.headerLine()).isEqualTo(3);
        assertThat(layout.names()).containsExactly("id", "name");
    }

    @Test
    void readsAFileThatIsNotUtf8AsLatin1() throws IOException {
        Path file = directory.resolve("latin1.csv");
        Files.write(file, "ville,pays\nMontréal,CA\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(LayoutDetector.detect(file).charset()).isEqualTo("ISO-8859-1");
    }

    @Test
    void rejectsTextWithoutADelimiter() {
        assertThatThrownBy(() -> detect("just some prose\nwithout any table\n"))
                .isInstanceOf(LakeException.class)
                .hasMessage("No delimiter (comma, semicolon, tab or pipe) splits the first lines into two or more fields: not a CSV or TSV table")
                .extracting(e -> ((LakeException) e).code()).isEqualTo(ErrorCode.INVALID_DATA);
    }

    @Test
    void rejectsLinesWithoutAConsistentFieldCount() {
        assertThatThrownBy(() -> detect("a,b\nc,d,e\nf,g,h,i\nj,k,l,m,n\n"))
                .hasMessage("The first 4 lines have no consistent number of fields (at best 1 of them have 5 fields): not a CSV or TSV table");
    }

    @Test
    void rejectsAFileOfBlankLines() {
        assertThatThrownBy(() -> detect("\n  \n\n")).hasMessage("The file has only blank lines");
    }

    private TextLayout detect(String content) throws IOException {
        Path file = directory.resolve("file.csv");
        Files.writeString(file, content);
        return LayoutDetector.detect(file);
    }
}
