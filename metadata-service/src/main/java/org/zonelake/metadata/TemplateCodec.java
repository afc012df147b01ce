package org.zonelake.metadata;

import static org.zonelake.metadata.BsonValues.date;
import static org.zonelake.metadata.BsonValues.instant;

import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.zonelake.core.metadata.FieldType;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TemplateField;

/** A {@link MetadataTemplate} as stored in the {@code templates} collection. */
final class TemplateCodec {
    static final String PROJECT = "project";
    static final String NAME = "name";
    static final String LABEL = "label";
    static final String DESCRIPTION = "description";
    static final String ACCEPTED_MIME_TYPES = "accepted_mime_types";
    static final String FIELDS = "fields";
    static final String VISIBLE = "visible";
    static final String EDITABLE = "editable";
    static final String DELETABLE = "deletable";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";

    private TemplateCodec() {}

    static Document toBson(MetadataTemplate template) {
        return new Document(PROJECT, template.project())
                .append(NAME, template.name())
                .append(LABEL, template.label())
                .append(DESCRIPTION, template.description())
                .append(ACCEPTED_MIME_TYPES, template.acceptedMimeTypes())
                .append(FIELDS, template.fields().stream().map(TemplateCodec::field).toList())
                .append(VISIBLE, template.visible())
                .append(EDITABLE, template.editable())
                .append(DELETABLE, template.deletable())
                .append(CREATED_AT, date(template.createdAt()))
                .append(UPDATED_AT, date(template.updatedAt()));
    }

    static MetadataTemplate fromBson(Document document) {
        return new MetadataTemplate(
                document.getString(PROJECT),
                document.getString(NAME),
                document.getString(LABEL),
                document.getString(DESCRIPTION),
                document.getList(ACCEPTED_MIME_TYPES, String.class, List.of()),
                document.getList(FIELDS, Document.class, List.of()).stream().map(TemplateCodec::field).toList(),
                document.getBoolean(VISIBLE, true),
                document.getBoolean(EDITABLE, true),
                document.getBoolean(DELETABLE, true),
                instant(document.getDate(CREATED_AT)),
                instant(document.getDate(UPDATED_AT)));
    }

    private static Document field(TemplateField field) {
        return new Document("name", field.name())
                .append("label", field.label())
                .append("type", field.type().name().toLowerCase(Locale.ROOT))
                .append("required", field.required())
                .append("options", field.options());
    }

    private static TemplateField field(Document document) {
        return new TemplateField(
                document.getString("name"),
                document.getString("label"),
                FieldType.valueOf(document.getString("type").toUpperCase(Locale.ROOT)),
                document.getBoolean("required", false),
                document.getList("options", String.class, List.of()));
    }
}
