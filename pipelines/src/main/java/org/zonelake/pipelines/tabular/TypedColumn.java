package org.zonelake.pipelines.tabular;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.zonelake.core.gold.sql.Column;

/** An inferred column of a delimited file: its sanitised name, the kind its values are read as, its scale. */
record TypedColumn(String name, ValueKind kind, int scale) implements Serializable {
    public TypedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
    }

    public Column column() {
        return new Column(name, kind.columnType(), kind == ValueKind.DECIMAL ? scale : 0);
    }

    /** The Spark type holding the values {@link ValueKind#parse} returns. */
    public DataType sparkType() {
        return switch (kind.columnType()) {
            case INTEGER -> DataTypes.LongType;
            case DECIMAL -> DataTypes.createDecimalType(ValueKind.MAX_PRECISION, scale);
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case TEXT -> DataTypes.StringType;
        };
    }

    /** The column's value in a field of its line, or an {@link IllegalArgumentException} saying why it does not fit. */
    public Object parse(String field) {
        return kind.parse(field, scale);
    }

    /** "amount DECIMAL(2)", for logs. */
    public String describe() {
        String type = kind == ValueKind.DECIMAL ? "DECIMAL(" + scale + ")" : kind.columnType().name();
        return name + " " + type + (kind == ValueKind.DATE_DMY ? " (dd/MM/yyyy)" : "");
    }
}
