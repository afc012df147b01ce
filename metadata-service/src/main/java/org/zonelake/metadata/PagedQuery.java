package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.zonelake.core.metadata.Page;

/**
 * Keyset pagination: items ordered by (sort field, id) and a page continues strictly after the previous
 * page's last item, so concurrent inserts never shift pages into duplicates or gaps.
 */
record PagedQuery(String sortField, String idField, boolean descending) {
    PagedQuery {
        requireNonNull(sortField, "sortField is null");
        requireNonNull(idField, "idField is null");
    }

    <T> Page<T> run(MongoCollection<Document> collection, Bson filter, int limit, String cursor, Function<Document, T> mapper) {
        Bson pageFilter = cursor == null || cursor.isBlank() ? filter
                : Filters.and(filter, PageCursor.decode(cursor, sortField).filter(idField, descending));
        List<Document> documents = collection.find(pageFilter).sort(sort()).limit(limit + 1).into(new ArrayList<>());
        String next = null;
        if (documents.size() > limit) {
            documents = documents.subList(0, limit);
            next = PageCursor.after(documents.get(limit - 1), sortField, idField).encode();
        }
        return new Page<>(documents.stream().map(mapper).toList(), next);
    }

    private Bson sort() {
        if (sortField.equals(idField)) {
            return descending ? Sorts.descending(idField) : Sorts.ascending(idField);
        }
        return descending ? Sorts.descending(sortField, idField) : Sorts.ascending(sortField, idField);
    }
}
