package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zonelake.core.raw.ByteRange;
import org.zonelake.ingest.objects.ByteRangeHeader.Kind;
import org.zonelake.ingest.objects.ByteRangeHeader.Resolution;

class ByteRangeHeaderTest {
    private static final long SIZE = 1000;

    @Test
    void noHeaderMeansTheWholeObject() {
        assertThat(ByteRangeHeader.resolve(null, SIZE).kind()).isEqualTo(Kind.WHOLE);
    }

    @Test
    void closedRangeIsServedAsAsked() {
        assertThat(partial("bytes=0-99")).isEqualTo(new ByteRange(0, 99));
        assertThat(partial("bytes=500-500")).isEqualTo(new ByteRange(500, 500));
    }

    @Test
    void lastPositionBeyondTheEndIsClampedToTheLastByte() {
        assertThat(partial("bytes=900-5000")).isEqualTo(new ByteRange(900, 999));
    }

    @Test
    void openEndedRangeRunsToTheLastByte() {
        assertThat(partial("bytes=990-")).isEqualTo(new ByteRange(990, 999));
    }

    @Test
    void suffixRangeIsTheLastBytes() {
        assertThat(partial("bytes=-10")).isEqualTo(new ByteRange(990, 999));
    }

    @Test
    void suffixLongerThanTheObjectIsTheWholeObjectAsARange() {
        assertThat(partial("bytes=-5000")).isEqualTo(new ByteRange(0, 999));
    }

    @Test
    void unitAndSpacesAreTolerated() {
        assertThat(partial("BYTES= 10-19 ")).isEqualTo(new ByteRange(10, 19));
        assertThat(partial("bytes=10-19,")).isEqualTo(new ByteRange(10, 19));
    }

    @Test
    void firstPositionAtOrBeyondTheEndIsUnsatisfiable() {
        assertThat(ByteRangeHeader.resolve("bytes=1000-", SIZE).kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(ByteRangeHeader.resolve("bytes=1000-2000", SIZE).kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(ByteRangeHeader.resolve("bytes=99999999999999999999999-", SIZE).kind()).isEqualTo(Kind.UNSATISFIABLE);
    }

    @Test
    void emptySuffixAndAnyRangeOfAnEmptyObjectAreUnsatisfiable() {
        assertThat(ByteRangeHeader.resolve("bytes=-0", SIZE).kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(ByteRangeHeader.resolve("bytes=-5", 0).kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(ByteRangeHeader.resolve("bytes=0-", 0).kind()).isEqualTo(Kind.UNSATISFIABLE);
    }

    @Test
    void hugeLastPositionSaturatesInsteadOfFailing() {
        assertThat(partial("bytes=5-99999999999999999999999")).isEqualTo(new ByteRange(5, 999));
    }

    @Test
    void invalidSyntaxIsIgnoredAndTheWholeObjectSent() {
        for (String header : new String[] {"bytes=", "bytes=abc", "bytes=5-3", "bytes=-", "bytes=1-2-3", "bytes=+1-2", "bytes=1--2",
                "bytes=0x10-20", "items=0-5", "bytes 0-5", ""}) {
            assertThat(ByteRangeHeader.resolve(header, SIZE).kind()).as(header).isEqualTo(Kind.WHOLE);
        }
    }

    @Test
    void severalRangesAreAnsweredWithTheWholeObject() {
        assertThat(ByteRangeHeader.resolve("bytes=0-1,5-6", SIZE).kind()).isEqualTo(Kind.WHOLE);
    }

    @Test
    void contentRangeValuesFollowTheRfc() {
        assertThat(ByteRangeHeader.contentRange(new ByteRange(0, 99), SIZE)).isEqualTo("bytes 0-99/1000");
        assertThat(ByteRangeHeader.unsatisfiedRange(SIZE)).isEqualTo("bytes */1000");
    }

    private static ByteRange partial(String header) {
        Resolution resolution = ByteRangeHeader.resolve(header, SIZE);
        assertThat(resolution.kind()).as(header).isEqualTo(Kind.PARTIAL);
        return resolution.range();
    }
}
