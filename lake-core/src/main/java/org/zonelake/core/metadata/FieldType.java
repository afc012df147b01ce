package org.zonelake.core.metadata;

/** Types of template fields. {@code DATE} values are ISO-8601 dates ({@code 2024-05-01}) or instants. */
public enum FieldType {
    TEXT,
    TEXTAREA,
    NUMBER,
    DATE,
    ENUM
}
