package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {
    @Test
    void plainNameIsTheSameInBothForms() {
        assertThat(ContentDisposition.attachment("report.csv")).isEqualTo("attachment; filename=\"report.csv\"; filename*=UTF-8''report.csv");
    }

    @Test
    void spacesAreKeptInTheFallbackAndEncodedInTheExtendedForm() {
        assertThat(ContentDisposition.attachment("my report.csv"))
                .isEqualTo("attachment; filename=\"my report.csv\"; filename*=UTF-8''my%20report.csv");
    }

    @Test
    void accentsAreReplacedInTheFallbackAndExactInTheExtendedForm() {
        assertThat(ContentDisposition.attachment("données été.txt"))
                .isEqualTo("attachment; filename=\"donn_es _t_.txt\"; filename*=UTF-8''donn%C3%A9es%20%C3%A9t%C3%A9.txt");
    }

    @Test
    void directoryPartsAndControlCharactersNeverReachTheHeader() {
        String header = ContentDisposition.attachment("../../etc/pass\u0007wd\u202e.txt");

        assertThat(header).isEqualTo("attachment; filename=\"pass_wd_.txt\"; filename*=UTF-8''pass_wd_.txt");
    }

    @Test
    void quotesBackslashesAndPercentSignsCannotBreakTheQuotedFallback() {
        assertThat(ContentDisposition.asciiFallback("a%b\\c")).isEqualTo("a_b_c");
        assertThat(ContentDisposition.attachment("say \"hi\".txt")).startsWith("attachment; filename=\"say _hi_.txt\"");
    }

    @Test
    void emojiAreEncodedAsUtf8() {
        assertThat(ContentDisposition.percentEncoded("\uD83D\uDE00.png")).isEqualTo("%F0%9F%98%80.png");
    }
}
