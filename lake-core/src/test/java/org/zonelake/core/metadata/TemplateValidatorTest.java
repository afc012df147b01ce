package org.zonelake.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class TemplateValidatorTest {
    private static final MetadataTemplate SENSOR = new MetadataTemplate("p", "sensor", "Sensor data", null,
            List.of("text/csv", "application/json"),
            List.of(new TemplateField("site", "Site", FieldType.TEXT, true, null),
                    new TemplateField("depth", "Depth (m)", FieldType.NUMBER, false, null),
                    new TemplateField("sampled", "Sampled on", FieldType.DATE, false, null),
                    new TemplateField("kind", "Kind", FieldType.ENUM, true, List.of("water", "soil")),
                    new TemplateField("notes", "Notes", FieldType.TEXTAREA, false, null)),
            true, true, true, Instant.EPOCH, Instant.EPOCH);

    @Test
    void normalisesValidValues() {
        Map<String, Object> values = TemplateValidator.validate(SENSOR,
                Map.of("site", "Lac Léman", "depth", "12.50", "sampled", "2024-05-01", "kind", "water"));

        assertThat(values).containsEntry("site", "Lac Léman").containsEntry("depth", 12.5)
                .containsEntry("sampled", "2024-05-01").containsEntry("kind", "water").doesNotContainKey("notes");
    }

    @Test
    void keepsWholeNumbersAsIntegersAndInstantsInUtc() {
        Map<String, Object> values = TemplateValidator.validate(SENSOR,
                Map.of("site", "A", "kind", "soil", "depth", 12, "sampled", "2024-05-01T12:00:00+02:00"));

        assertThat(values).containsEntry("depth", 12L).containsEntry("sampled", "2024-05-01T10:00:00Z");
    }

    @Test
    void namesEveryFailingField() {
        assertThatThrownBy(() -> TemplateValidator.validate(SENSOR,
                Map.of("depth", "deep", "sampled", "yesterday", "kind", "air", "colour", "red")))
                .isInstanceOfSatisfying(LakeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_METADATA);
                    @SuppressWarnings("unchecked")
                    Map<String, String> fields = (Map<String, String>) e.details().get("fields");
                    assertThat(fields).containsOnlyKeys("site", "depth", "sampled", "kind", "colour");
                    assertThat(fields.get("site")).isEqualTo("is required");
                    assertThat(fields.get("kind")).contains("[water, soil]");
                });
    }

    @Test
    void acceptsContentTypesByExactTypeOrFamily() {
        MetadataTemplate images = new MetadataTemplate("p", "photos", null, null, List.of("image/*"), List.of(),
                true, true, true, Instant.EPOCH, Instant.EPOCH);

        assertThat(images.accepts("image/png")).isTrue();
        assertThat(images.accepts("text/csv")).isFalse();
        assertThat(SENSOR.accepts("text/csv; charset=UTF-8")).isTrue();
        assertThat(SENSOR.accepts("image/png")).isFalse();
    }

    @Test
    void rejectsMalformedTemplates() {
        assertThatThrownBy(() -> new TemplateField("1st", null, FieldType.TEXT, false, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TemplateField("kind", null, FieldType.ENUM, false, List.of())).hasMessageContaining("at least one option");
        assertThatThrownBy(() -> new MetadataTemplate("p", "Bad Name", null, null, null, null, true, true, true, Instant.EPOCH, Instant.EPOCH))
                .hasMessageContaining("Bad Name");
    }
}
