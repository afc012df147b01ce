package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderParametersTest {
    @Test
    void readsTokensAndQuotedStrings() {
        assertThat(HeaderParameters.parse("form-data; name=\"file\"; filename=\"a; b.txt\"; size=12 "))
                .isEqualTo(Map.of("name", "file", "filename", "a; b.txt", "size", "12"));
    }

    @Test
    void namesAreCaseInsensitiveAndTheFirstOfARepeatedOneWins() {
        assertThat(HeaderParameters.parse("form-data; NAME=first; name=second")).containsEntry("name", "first");
    }

    @Test
    void valuelessParametersAndEmptyOnesAreTolerated() {
        assertThat(HeaderParameters.parse("form-data; ; flag; name=x;")).isEqualTo(Map.of("name", "x"));
        assertThat(HeaderParameters.parse("form-data")).isEmpty();
    }

    @Test
    void unterminatedQuoteRunsToTheEnd() {
        assertThat(HeaderParameters.parse("form-data; filename=\"abc")).containsEntry("filename", "abc");
    }

    @Test
    void decodesExtendedValues() {
        assertThat(HeaderParameters.decodeExtended("UTF-8''%E2%82%AC%20rates.txt")).isEqualTo("€ rates.txt");
        assertThat(HeaderParameters.decodeExtended("utf-8'en'a%2Fb")).isEqualTo("a/b");
        assertThat(HeaderParameters.decodeExtended("ISO-8859-1''%E9t%E9")).isEqualTo("été");
        assertThat(HeaderParameters.decodeExtended("UTF-16''abc")).isNull();
        assertThat(HeaderParameters.decodeExtended("UTF-8''%ZZ")).isNull();
        assertThat(HeaderParameters.decodeExtended("no quotes")).isNull();
    }
}
