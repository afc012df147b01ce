package org.zonelake.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class UploadMetadataHeaderTest {
    @Test
    void decodesPairsAndKeysWithoutValue() {
        assertThat(UploadMetadataHeader.parse("filename d29ybGRfZG9taW5hdGlvbl9wbGFuLnBkZg==,is_confidential"))
                .containsExactly(java.util.Map.entry("filename", "world_domination_plan.pdf"), java.util.Map.entry("is_confidential", ""));
    }

    @Test
    void acceptsSpacesAfterCommasAndUtf8Values() {
        assertThat(UploadMetadataHeader.parse("filename w6l0w6kuY3N2, template c2Vuc29ycw=="))
                .containsEntry("filename", "été.csv")
                .containsEntry("template", "sensors");
    }

    @Test
    void treatsAMissingHeaderAsNoPairs() {
        assertThat(UploadMetadataHeader.parse(null)).isEmpty();
        assertThat(UploadMetadataHeader.parse(" ")).isEmpty();
    }

    @Test
    void refusesMalformedHeaders() {
        for (String malformed : new String[] {"filename !!!", "a YQ== b", "a YQ==,a Yg==", "a YQ==,", "/w== /w==", "name /w=="}) {
            assertThatThrownBy(() -> UploadMetadataHeader.parse(malformed))
                    .as(malformed)
                    .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }
    }
}
