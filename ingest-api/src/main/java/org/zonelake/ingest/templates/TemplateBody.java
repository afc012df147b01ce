package org.zonelake.ingest.templates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.FieldType;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TemplateField;
import org.zonelake.core.metadata.TemplateProcessing;

/**
 * The body of {@code POST} and {@code PUT .../templates}. Flags left out take {@code defaults}: true on creation,
 * the current values on replacement; {@code processing} left out means none.
 */
record TemplateBody(String name, String label, String description, List<String> acceptedMimeTypes, List<FieldBody> fields,
                    Boolean visible, Boolean editable, Boolean deletable, ProcessingBody processing) {
    private static final Pattern MIME_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/([a-z0-9][a-z0-9!#$&^_.+-]*|\\*)|\\*/\\*");

    /** One field: {@code type} is text, textarea, number, date or enum; {@code options} only for enum. */
    record FieldBody(String name, String label, String type, Boolean required, List<String> options) {}

    /** The visibility flags to use where the body says nothing. */
    record Flags(boolean visible, boolean editable, boolean deletable) {
        static final Flags CREATION = new Flags(true, true, true);

        static Flags of(MetadataTemplate template) {
            return new Flags(template.visible(), template.editable(), template.deletable());
        }
    }

    /** The template this body describes; {@code INVALID_TEMPLATE} naming the first problem. */
    MetadataTemplate toTemplate(String project, String templateName, Flags defaults, Instant createdAt, Instant updatedAt) {
        try {
            return new MetadataTemplate(project, templateName, label, description, mimeTypes(), templateFields(),
                    visible == null ? defaults.visible() : visible, editable == null ? defaults.editable() : editable,
                    deletable == null ? defaults.deletable() : deletable, createdAt, updatedAt,
                    processing == null ? TemplateProcessing.NONE : processing.toProcessing());
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCode.INVALID_TEMPLATE, e.getMessage(), e);
        }
    }

    private List<String> mimeTypes() {
        List<String> types = acceptedMimeTypes == null ? List.of() : acceptedMimeTypes;
        for (String type : types) {
            if (type == null || !MIME_TYPE.matcher(type.strip().toLowerCase(Locale.ROOT)).matches()) {
                throw invalid("Accepted MIME type '%s' must look like text/csv, image/* or */*", type);
            }
        }
        return types;
    }

    private List<TemplateField> templateFields() {
        List<TemplateField> result = new ArrayList<>();
        List<FieldBody> given = fields == null ? List.of() : fields;
        for (int i = 0; i < given.size(); i++) {
            FieldBody field = given.get(i);
            if (field == null || field.name() == null) {
                throw invalid("Field %d has no name", i + 1);
            }
            result.add(new TemplateField(field.name(), field.label(), type(field), Boolean.TRUE.equals(field.required()), field.options()));
        }
        return result;
    }

    private static FieldType type(FieldBody field) {
        if (field.type() == null) {
            throw invalid("Field '%s' has no type: give one of text, textarea, number, date, enum", field.name());
        }
        try {
            return FieldType.valueOf(field.type().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("Field '%s' has type '%s'; the types are text, textarea, number, date, enum", field.name(), field.type());
        }
    }

    private static LakeException invalid(String format, Object... args) {
        return LakeException.of(ErrorCode.INVALID_TEMPLATE, format, args);
    }
}
