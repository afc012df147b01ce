package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.CatalogQuery;
import org.zonelake.core.metadata.CatalogQuery.SortField;

class CatalogParametersTest {
    @Test
    void noParametersMeanNewestFirstFiftyAtATime() {
        CatalogQuery query = CatalogParameters.parse("alpha", Map.of());

        assertThat(query).isEqualTo(new CatalogQuery("alpha", null, null, null, null, Map.of(), null, SortField.CREATION_DATE, true, 50, null));
    }

    @Test
    void everyParameterReachesTheQuery() {
        CatalogQuery query = CatalogParameters.parse("alpha", Map.ofEntries(
                Map.entry("content_type", List.of("Image/*")), Map.entry("from", List.of("2024-05-01")),
                Map.entry("to", List.of("2024-05-31T12:00:00+02:00")), Map.entry("template", List.of("survey")),
                Map.entry("field.site", List.of("north")), Map.entry("field.depth", List.of("12")), Map.entry("q", List.of("report")),
                Map.entry("sort", List.of("size")), Map.entry("order", List.of("asc")), Map.entry("limit", List.of("7")),
                Map.entry("cursor", List.of("abc"))));

        assertThat(query.contentType()).isEqualTo("image/*");
        assertThat(query.createdFrom()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(query.createdTo()).isEqualTo(Instant.parse("2024-05-31T10:00:00Z"));
        assertThat(query.template()).isEqualTo("survey");
        assertThat(query.fields()).isEqualTo(Map.of("site", "north", "depth", "12"));
        assertThat(query.text()).isEqualTo("report");
        assertThat(query.sort()).isEqualTo(SortField.SIZE);
        assertThat(query.descending()).isFalse();
        assertThat(query.limit()).isEqualTo(7);
        assertThat(query.cursor()).isEqualTo("abc");
    }

    @Test
    void aDateAsUpperBoundIncludesThatWholeDay() {
        CatalogQuery query = CatalogParameters.parse("alpha", Map.of("to", List.of("2024-05-31")));

        assertThat(query.createdTo()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    }

    @Test
    void badValuesAreRefusedNamingTheParameter() {
        assertRefused(Map.of("limit", List.of("0")), "limit");
        assertRefused(Map.of("limit", List.of("1001")), "limit");
        assertRefused(Map.of("limit", List.of("ten")), "limit");
        assertRefused(Map.of("sort", List.of("color")), "sort");
        assertRefused(Map.of("order", List.of("up")), "order");
        assertRefused(Map.of("from", List.of("yesterday")), "from");
        assertRefused(Map.of("to", List.of("2024-13-01")), "to");
        assertRefused(Map.of("content_type", List.of("csv")), "content_type");
        assertRefused(Map.of("field.1st", List.of("x")), "field.1st");
        assertRefused(Map.of("content-type", List.of("text/csv")), "content-type");
        assertRefused(Map.of("template", List.of("a", "b")), "template");
        assertRefused(Map.of("q", List.of("x".repeat(1001))), "q");
    }

    private static void assertRefused(Map<String, List<String>> parameters, String name) {
        assertThatThrownBy(() -> CatalogParameters.parse("alpha", parameters))
                .isInstanceOfSatisfying(LakeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains(name);
                    assertThat(e.details()).containsEntry("parameter", name);
                });
    }
}
