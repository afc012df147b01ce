package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Where a page ended: the sort value and the id of its last item. Clients see it as an opaque base64url
 * string; it names the sort field so that a cursor of one ordering is refused by another.
 */
record PageCursor(String sortField, BsonValue value, BsonValue id) {
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    PageCursor {
        requireNonNull(sortField, "sortField is null");
        requireNonNull(value, "value is null");
        requireNonNull(id, "id is null");
    }

    /** The cursor after a document read from the collection. */
    static PageCursor after(Document last, String sortField, String idField) {
        BsonDocument values = new Document("s", sortField).append("v", last.get(sortField)).append("i", last.get(idField))
                .toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
        return new PageCursor(sortField, values.get("v"), values.get("i"));
    }

    String encode() {
        BsonDocument document = new BsonDocument("s", new BsonString(sortField)).append("v", value).append("i", id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(document.toJson(CANONICAL).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a client's cursor for the given sort field; {@code INVALID_CURSOR} if it is not one of ours. */
    static PageCursor decode(String text, String expectedSortField) {
        try {
            BsonDocument document = BsonDocument.parse(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            PageCursor cursor = new PageCursor(document.getString("s").getValue(), document.get("v"), document.get("i"));
            if (cursor.sortField.equals(expectedSortField) && !cursor.value.isNull() && !cursor.id.isNull()) {
                return cursor;
            }
        } catch (RuntimeException e) {
            // Falls through: any undecodable text is the client's mistake, reported below.
        }
        throw new LakeException(ErrorCode.INVALID_CURSOR, "Invalid cursor '" + text + "': pass the nextCursor of the previous page with the same sort");
    }

    /** Items strictly after this cursor in the order (sort field, id), ascending or descending. */
    Bson filter(String idField, boolean descending) {
        if (sortField.equals(idField)) {
            return descending ? Filters.lt(idField, id) : Filters.gt(idField, id);
        }
        Bson beyond = descending ? Filters.lt(sortField, value) : Filters.gt(sortField, value);
        Bson tieBroken = Filters.and(Filters.eq(sortField, value), descending ? Filters.lt(idField, id) : Filters.gt(idField, id));
        return Filters.or(beyond, tieBroken);
    }
}
