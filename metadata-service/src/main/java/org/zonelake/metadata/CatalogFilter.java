package org.zonelake.metadata;

import static org.zonelake.metadata.ObjectDocumentCodec.CONTENT_TYPE;
import static org.zonelake.metadata.ObjectDocumentCodec.CREATION_DATE;
import static org.zonelake.metadata.ObjectDocumentCodec.DESCRIPTION;
import static org.zonelake.metadata.ObjectDocumentCodec.ORIGINAL_OBJECT_NAME;
import static org.zonelake.metadata.ObjectDocumentCodec.OTHER_DATA;
import static org.zonelake.metadata.ObjectDocumentCodec.PROJECT;
import static org.zonelake.metadata.ObjectDocumentCodec.STATUS;
import static org.zonelake.metadata.ObjectDocumentCodec.TEMPLATE;

import com.mongodb.client.model.Filters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.CatalogQuery;
import org.zonelake.core.metadata.ObjectStatus;

/** Translates a {@link CatalogQuery} into a filter on the {@code objects} collection (no {@code $text}: the embedded server has none). */
final class CatalogFilter {
    /** Same rule as template field names, so a filter can never address anything but one {@code other_data} member. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    private CatalogFilter() {}

    static Bson of(CatalogQuery query) {
        List<Bson> clauses = new ArrayList<>();
        clauses.add(Filters.eq(PROJECT, query.project()));
        clauses.add(Filters.eq(STATUS, ObjectDocumentCodec.status(ObjectStatus.STORED)));
        if (hasText(query.contentType())) {
            clauses.add(contentType(query.contentType()));
        }
        if (query.createdFrom() != null) {
            clauses.add(Filters.gte(CREATION_DATE, Date.from(query.createdFrom())));
        }
        if (query.createdTo() != null) {
            clauses.add(Filters.lt(CREATION_DATE, Date.from(query.createdTo())));
        }
        if (hasText(query.template())) {
            clauses.add(Filters.eq(TEMPLATE, query.template()));
        }
        query.fields().forEach((name, value) -> clauses.add(field(name, value)));
        if (hasText(query.text())) {
            Pattern text = Pattern.compile(Pattern.quote(query.text()), Pattern.CASE_INSENSITIVE);
            clauses.add(Filters.or(Filters.regex(ORIGINAL_OBJECT_NAME, text), Filters.regex(DESCRIPTION, text)));
        }
        return Filters.and(clauses);
    }

    /** The path of a template field inside the document; {@code INVALID_REQUEST} for a name no template can have. */
    static String fieldPath(String name) {
        if (name == null || !FIELD_NAME.matcher(name).matches()) {
            throw new LakeException(ErrorCode.INVALID_REQUEST,
                    "Invalid field name '" + name + "': it must start with a letter and hold only letters, digits and _ (at most 64)");
        }
        return OTHER_DATA + "." + name;
    }

    /** {@code image/*} is a family: an anchored regex on the literal prefix, which an index can serve. */
    private static Bson contentType(String contentType) {
        if (contentType.endsWith("/*")) {
            String prefix = contentType.substring(0, contentType.length() - 1);
            return Filters.regex(CONTENT_TYPE, "^" + REGEX_SPECIAL.matcher(prefix).replaceAll("\\\\$0"));
        }
        return Filters.eq(CONTENT_TYPE, contentType);
    }

    /** Values arrive as text; numbers were stored as numbers by the template validator, so both forms match. */
    private static Bson field(String name, String value) {
        String path = fieldPath(name);
        Number number = number(value);
        return number == null ? Filters.eq(path, value) : Filters.or(Filters.eq(path, value), Filters.eq(path, number));
    }

    private static Number number(String text) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal decimal = new BigDecimal(text.trim());
            if (decimal.stripTrailingZeros().scale() <= 0 && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return decimal.longValueExact();
            }
            return decimal.doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
