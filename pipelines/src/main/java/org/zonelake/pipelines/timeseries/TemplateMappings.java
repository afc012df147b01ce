package org.zonelake.pipelines.timeseries;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.metadata.TimeSeriesMapping;

/** Finds the time-series mapping of an object's template. */
final class TemplateMappings {
    private final TemplateRepository templates;

    TemplateMappings(TemplateRepository templates) {
        this.templates = requireNonNull(templates, "templates is null");
    }

    /** The mapping of the object's template; empty without a template, a template gone since, or one without mapping. */
    Optional<TimeSeriesMapping> of(ObjectDocument object) {
        if (object.template() == null) {
            return Optional.empty();
        }
        return templates.find(object.project(), object.template())
                .map(MetadataTemplate::processing)
                .map(processing -> processing.timeSeries());
    }

    /** Why an object has no mapping, for a failure reason. */
    static String missing(ObjectDocument object) {
        return object.template() == null
                ? "object " + object.id() + " has no template"
                : "template '" + object.template() + "' of project " + object.project() + " has no time-series mapping (or is gone)";
    }
}
