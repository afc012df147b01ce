package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.FieldType;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TemplateField;
import org.zonelake.core.metadata.TemplateProcessing;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.metadata.TimeSeriesMapping;

/** What every {@link TemplateRepository} must do; extend it once per backend. Instants are whole milliseconds. */
public abstract class TemplateRepositoryContract {
    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    protected static final String PROJECT = "alpha";

    protected abstract TemplateRepository repository();

    @Test
    public void findsATemplateExactlyAsCreated() {
        MetadataTemplate survey = survey(PROJECT, "survey");

        repository().create(survey);

        assertThat(repository().find(PROJECT, "survey")).contains(survey);
    }

    @Test
    public void keepsTheProcessingOfATemplate() {
        MetadataTemplate sensors = withProcessing(survey(PROJECT, "sensors"), new TemplateProcessing(
                new TimeSeriesMapping("weather", "station_type", "ts", "epoch_ms", List.of("station", "site"), List.of("temp", "humidity"),
                        "data.readings"),
                "sensor_readings"));

        repository().create(sensors);

        assertThat(repository().find(PROJECT, "sensors")).contains(sensors);
        assertThat(repository().find(PROJECT, "sensors").orElseThrow().processing().timeSeries().tagFields()).containsExactly("station", "site");
    }

    @Test
    public void aTemplateWithoutProcessingHasNone() {
        repository().create(survey(PROJECT, "survey"));

        assertThat(repository().find(PROJECT, "survey").orElseThrow().processing()).isEqualTo(TemplateProcessing.NONE);
    }

    @Test
    public void replacingATemplateReplacesItsProcessing() {
        repository().create(withProcessing(survey(PROJECT, "survey"), new TemplateProcessing(null, "casts")));
        MetadataTemplate timeSeriesOnly = withProcessing(survey(PROJECT, "survey"),
                new TemplateProcessing(new TimeSeriesMapping("casts", null, "time", null, null, null, null), null));

        repository().replace(timeSeriesOnly);

        TemplateProcessing processing = repository().find(PROJECT, "survey").orElseThrow().processing();
        assertThat(processing).isEqualTo(timeSeriesOnly.processing());
        assertThat(processing.table()).isNull();
        assertThat(processing.timeSeries().timeFormat()).isEqualTo("iso");
        assertThat(processing.timeSeries().valueFields()).isEmpty();
    }

    @Test
    public void findsNothingForAnUnknownNameOrAnotherProject() {
        repository().create(survey(PROJECT, "survey"));

        assertThat(repository().find(PROJECT, "lab")).isEmpty();
        assertThat(repository().find("beta", "survey")).isEmpty();
    }

    @Test
    public void refusesASecondTemplateWithTheSameNameInTheProject() {
        repository().create(survey(PROJECT, "survey"));

        assertThatThrownBy(() -> repository().create(survey(PROJECT, "survey")))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_EXISTS));
        repository().create(survey("beta", "survey"));
        assertThat(repository().find("beta", "survey")).isPresent();
    }

    @Test
    public void listsTheProjectsTemplatesByNameHiddenOnesIncluded() {
        repository().create(survey(PROJECT, "zeta"));
        repository().create(hidden(PROJECT, "alpha-hidden"));
        repository().create(survey(PROJECT, "mid"));
        repository().create(survey("beta", "other"));

        assertThat(repository().list(PROJECT)).extracting(MetadataTemplate::name).containsExactly("alpha-hidden", "mid", "zeta");
        assertThat(repository().list("gamma")).isEmpty();
    }

    @Test
    public void replacesAnExistingTemplate() {
        repository().create(survey(PROJECT, "survey"));
        MetadataTemplate changed = new MetadataTemplate(PROJECT, "survey", "Survey v2", "now with salinity", List.of("text/*"),
                List.of(new TemplateField("salinity", "Salinity", FieldType.NUMBER, true, List.of())), false, false, true,
                T0, T0.plusSeconds(60));

        repository().replace(changed);

        assertThat(repository().find(PROJECT, "survey")).contains(changed);
        assertThat(repository().list(PROJECT)).hasSize(1);
    }

    @Test
    public void refusesToReplaceAnAbsentTemplate() {
        assertThatThrownBy(() -> repository().replace(survey(PROJECT, "survey")))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_NOT_FOUND));
        assertThat(repository().find(PROJECT, "survey")).isEmpty();
    }

    @Test
    public void deletesATemplateOnce() {
        repository().create(survey(PROJECT, "survey"));
        repository().create(survey("beta", "survey"));

        assertThat(repository().delete(PROJECT, "survey")).isTrue();
        assertThat(repository().delete(PROJECT, "survey")).isFalse();
        assertThat(repository().find(PROJECT, "survey")).isEmpty();
        assertThat(repository().find("beta", "survey")).isPresent();
    }

    protected static MetadataTemplate survey(String project, String name) {
        return new MetadataTemplate(project, name, "Field survey", "One cast of the probe", List.of("text/csv", "image/*"),
                List.of(new TemplateField("depth", "Depth (m)", FieldType.NUMBER, true, List.of()),
                        new TemplateField("site", null, FieldType.ENUM, false, List.of("north", "south")),
                        new TemplateField("notes", "Notes", FieldType.TEXTAREA, false, List.of()),
                        new TemplateField("castDate", "Cast date", FieldType.DATE, false, List.of()),
                        new TemplateField("probe", "Probe", FieldType.TEXT, false, List.of())),
                true, true, false, T0, T0);
    }

    protected static MetadataTemplate withProcessing(MetadataTemplate template, TemplateProcessing processing) {
        return new MetadataTemplate(template.project(), template.name(), template.label(), template.description(), template.acceptedMimeTypes(),
                template.fields(), template.visible(), template.editable(), template.deletable(), template.createdAt(), template.updatedAt(),
                processing);
    }

    private static MetadataTemplate hidden(String project, String name) {
        return new MetadataTemplate(project, name, null, null, List.of(), List.of(), false, true, true, T0, T0);
    }
}
