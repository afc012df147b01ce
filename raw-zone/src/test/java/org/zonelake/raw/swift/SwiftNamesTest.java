package org.zonelake.raw.swift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class SwiftNamesTest {
    private final SwiftNames names = new SwiftNames("zonelake_");

    @Test
    void givesEachProjectAContainerAndItsSegmentsContainer() {
        assertThat(names.container("weather")).isEqualTo("zonelake_weather");
        assertThat(SwiftNames.segmentsOf("zonelake_weather")).isEqualTo("zonelake_weather_segments");
        assertThat(SwiftNames.segmentName("0000042", "upload", 7)).isEqualTo("0000042/upload/000007");
    }

    @Test
    void recognisesOnlyProjectContainersOfItsPrefix() {
        assertThat(names.projectOf("zonelake_weather")).contains("weather");
        assertThat(names.projectOf("zonelake_weather_segments")).isEmpty();
        assertThat(names.projectOf("zonelake_")).isEmpty();
        assertThat(names.projectOf("other_weather")).isEmpty();
        assertThat(names.projectOf("zonelake_bad..name")).isEmpty();
        assertThat(names.projectOf(null)).isEmpty();
    }

    @Test
    void refusesProjectsWhoseContainerWouldBeAnotherProjectsSegmentsContainer() {
        assertThatThrownBy(() -> names.container("weather_segments"))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_NAME));
    }

    @Test
    void acceptsForeignNamesSwiftCanAddressAndRefusesOthers() {
        assertThat(SwiftNames.requireForeignName("reports/2024/data file (1).csv")).isEqualTo("reports/2024/data file (1).csv");
        for (String unaddressable : new String[] {"", "a//b", "/leading", "trailing/", "a/./b", "../up", "x".repeat(1025)}) {
            assertThatThrownBy(() -> SwiftNames.requireForeignName(unaddressable)).as(unaddressable)
                    .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_NAME));
        }
    }

    @Test
    void percentEncodesEverythingButUnreservedCharactersAndSlashes() {
        assertThat(SwiftClient.encode("reports/2024/data file+ü?.csv")).isEqualTo("reports/2024/data%20file%2B%C3%BC%3F.csv");
    }
}
