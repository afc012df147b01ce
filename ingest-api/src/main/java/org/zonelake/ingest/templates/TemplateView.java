package org.zonelake.ingest.templates;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TemplateField;
import org.zonelake.core.metadata.TemplateProcessing;

/** A template as the API shows it; field types as lower-case text, {@code processing} as the records' snake_case members. */
record TemplateView(String project, String name, String label, String description, List<String> acceptedMimeTypes,
                    List<FieldView> fields, boolean visible, boolean editable, boolean deletable, Instant createdAt, Instant updatedAt,
                    TemplateProcessing processing) {

    record FieldView(String name, String label, String type, boolean required, List<String> options) {
        static FieldView of(TemplateField field) {
            return new FieldView(field.name(), field.label(), field.type().name().toLowerCase(Locale.ROOT), field.required(), field.options());
        }
    }

    static TemplateView of(MetadataTemplate template) {
        return new TemplateView(template.project(), template.name(), template.label(), template.description(),
                template.acceptedMimeTypes(), template.fields().stream().map(FieldView::of).toList(), template.visible(),
                template.editable(), template.deletable(), template.createdAt(), template.updatedAt(), template.processing());
    }
}
