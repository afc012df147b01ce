package org.zonelake.core.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One typed field of a metadata template.
 *
 * @param options the allowed values of an {@code ENUM} field (empty for other types)
 */
public record TemplateField(String name, String label, FieldType type, boolean required, List<String> options) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    public TemplateField {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        label = label == null || label.isBlank() ? name : label;
        options = options == null ? List.of() : List.copyOf(options);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Field name '" + name + "' must start with a letter and hold only letters, digits and _ (at most 64)");
        }
        if (type == FieldType.ENUM && options.isEmpty()) {
            throw new IllegalArgumentException("Enum field '" + name + "' needs at least one option");
        }
        if (type != FieldType.ENUM && !options.isEmpty()) {
            throw new IllegalArgumentException("Field '" + name + "' of type " + type + " cannot have options");
        }
    }
}
