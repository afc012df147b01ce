package org.zonelake.pipelines.sqldump;

import java.util.EnumSet;
import java.util.Set;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.pipelines.tabular.KindStats;
import org.zonelake.pipelines.tabular.ValueKind;

/**
 * The values of a column whose table has no CREATE TABLE in the dump, to infer its type: numbers give INTEGER,
 * DECIMAL or DOUBLE as written; strings give DATE or TIMESTAMP if every one is an ISO date or timestamp, else
 * TEXT; booleans give BOOLEAN; a mix of these is TEXT.
 */
final class LiteralStats {
    private final KindStats numbers = new KindStats();
    private final KindStats strings = new KindStats();
    private final Set<Literal.Kind> seen = EnumSet.noneOf(Literal.Kind.class);

    void add(Literal literal) {
        switch (literal.kind()) {
            case NULL -> { }
            case NUMBER -> numbers.add(literal.text());
            case STRING -> strings.add(literal.text());
            case BOOLEAN -> { }
        }
        if (literal.kind() != Literal.Kind.NULL) {
            seen.add(literal.kind());
        }
    }

    ValueKind kind() {
        if (seen.size() != 1) {
            return ValueKind.TEXT;
        }
        return switch (seen.iterator().next()) {
            case NUMBER -> numberKind(numbers.kind());
            case STRING -> strings.kind() == ValueKind.DATE || strings.kind() == ValueKind.TIMESTAMP ? strings.kind() : ValueKind.TEXT;
            case BOOLEAN -> ValueKind.BOOLEAN;
            case NULL -> ValueKind.TEXT;
        };
    }

    int scale() {
        return kind() == ValueKind.DECIMAL ? numbers.scale() : 0;
    }

    ColumnType columnType() {
        return kind().columnType();
    }

    private static ValueKind numberKind(ValueKind kind) {
        return kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL || kind == ValueKind.DOUBLE ? kind : ValueKind.TEXT;
    }
}
