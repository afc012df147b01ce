package org.zonelake.core.metadata;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A project's metadata template: which MIME types it describes and the typed fields an uploader fills in.
 *
 * @param name identifier within the project, used in URLs and in upload metadata
 * @param acceptedMimeTypes types such as {@code text/csv} or families such as {@code image/*}; empty accepts all
 * @param visible whether it is offered to uploaders (hidden templates still validate old objects)
 * @param editable whether it may be changed after creation
 * @param deletable whether it may be deleted
 * @param processing the time-series mapping and shared table of its objects ({@link TemplateProcessing#NONE} if none)
 */
public record MetadataTemplate(
        String project,
        String name,
        String label,
        String description,
        List<String> acceptedMimeTypes,
        List<TemplateField> fields,
        boolean visible,
        boolean editable,
        boolean deletable,
        Instant createdAt,
        Instant updatedAt,
        TemplateProcessing processing) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public MetadataTemplate {
        requireNonNull(project, "project is null");
        requireNonNull(name, "name is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        label = label == null || label.isBlank() ? name : label;
        description = description == null ? "" : description;
        acceptedMimeTypes = acceptedMimeTypes == null ? List.of()
                : acceptedMimeTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
        fields = fields == null ? List.of() : List.copyOf(fields);
        processing = processing == null ? TemplateProcessing.NONE : processing;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Template name '" + name + "' must be lower-case letters, digits, _ or - (at most 64)");
        }
        Set<String> seen = new HashSet<>();
        for (TemplateField field : fields) {
            if (!seen.add(field.name())) {
                throw new IllegalArgumentException("Template '" + name + "' has field '" + field.name() + "' twice");
            }
        }
    }

    /** A template without processing hints. */
    public MetadataTemplate(String project, String name, String label, String description, List<String> acceptedMimeTypes,
                            List<TemplateField> fields, boolean visible, boolean editable, boolean deletable,
                            Instant createdAt, Instant updatedAt) {
        this(project, name, label, description, acceptedMimeTypes, fields, visible, editable, deletable, createdAt, updatedAt,
                TemplateProcessing.NONE);
    }

    /** Whether objects of the given detected type may be described with this template. */
    public boolean accepts(String contentType) {
        if (acceptedMimeTypes.isEmpty()) {
            return true;
        }
        String type = baseType(contentType);
        for (String accepted : acceptedMimeTypes) {
            if (accepted.equals("*/*") || accepted.equals(type)
                    || (accepted.endsWith("/*") && type.startsWith(accepted.substring(0, accepted.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
