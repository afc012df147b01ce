package org.zonelake.metadata;

import static org.zonelake.metadata.BsonValues.date;
import static org.zonelake.metadata.BsonValues.instant;

import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.zonelake.core.metadata.FieldType;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TemplateField;
import org.zonelake.core.metadata.TemplateProcessing;
import org.zonelake.core.metadata.TimeSeriesMapping;

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
    static final String PROCESSING = "processing";
    static final String TIME_SERIES = "time_series";
    static final String TABLE = "table";

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
                .append(UPDATED_AT, date(template.updatedAt()))
                .append(PROCESSING, processing(template.processing()));
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
                instant(document.getDate(UPDATED_AT)),
                processing(document.get(PROCESSING, Document.class)));
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

    private static Document processing(TemplateProcessing processing) {
        TimeSeriesMapping timeSeries = processing.timeSeries();
        return new Document(TIME_SERIES, timeSeries == null ? null : timeSeries(timeSeries)).append(TABLE, processing.table());
    }

    /** Templates stored before processing existed have none. */
    private static TemplateProcessing processing(Document document) {
        if (document == null) {
            return TemplateProcessing.NONE;
        }
        Document timeSeries = document.get(TIME_SERIES, Document.class);
        return new TemplateProcessing(timeSeries == null ? null : timeSeries(timeSeries), document.getString(TABLE));
    }

    private static Document timeSeries(TimeSeriesMapping mapping) {
        return new Document("measurement", mapping.measurement())
                .append("measurement_field", mapping.measurementField())
                .append("time_field", mapping.timeField())
                .append("time_format", mapping.timeFormat())
                .append("tag_fields", mapping.tagFields())
                .append("value_fields", mapping.valueFields())
                .append("readings_path", mapping.readingsPath());
    }

    private static TimeSeriesMapping timeSeries(Document document) {
        return new TimeSeriesMapping(
                document.getString("measurement"),
                document.getString("measurement_field"),
                document.getString("time_field"),
                document.getString("time_format"),
                document.getList("tag_fields", String.class, List.of()),
                document.getList("value_fields", String.class, List.of()),
                document.getString("readings_path"));
    }
}
