package org.zonelake.metadata;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to read a query's candidates from an {@link InMemoryIndex}: the documents whose leading index keys the
 * query pins ({@code prefix}), in index order (or its reverse) when that order is the requested sort. An
 * ordered read needs no sort afterwards, so it stops as soon as the limit is reached.
 */
record IndexRead(InMemoryIndex index, List<Object> prefix, boolean ordered, boolean reverse) {
    private static final String NATURAL_ORDER = "$natural";

    /** The most useful read among the collection's indexes: ordered first, then the longest prefix; null if none helps. */
    static IndexRead best(List<Index<Object>> indexes, QueryEqualities equalities, Document orderBy) {
        IndexRead best = null;
        for (Index<Object> candidate : indexes) {
            if (candidate instanceof InMemoryIndex index && index.isUsable()) {
                IndexRead read = plan(index, equalities, orderBy);
                if (read != null && (best == null || read.isBetterThan(best))) {
                    best = read;
                }
            }
        }
        return best;
    }

    static IndexRead plan(InMemoryIndex index, QueryEqualities equalities, Document orderBy) {
        List<String> fields = index.fields();
        List<Object> prefix = new ArrayList<>();
        while (prefix.size() < fields.size() && equalities.pins(fields.get(prefix.size()))) {
            prefix.add(equalities.value(fields.get(prefix.size())));
        }
        boolean unsorted = orderBy == null || orderBy.isEmpty();
        Boolean reverse = unsorted ? Boolean.FALSE : direction(index, prefix.size(), orderBy);
        if (prefix.isEmpty() && (unsorted || reverse == null)) {
            return null;
        }
        return new IndexRead(index, prefix, reverse != null, Boolean.TRUE.equals(reverse));
    }

    /**
     * Whether the sort is the index order after the first {@code pinned} keys (false), its exact reverse (true),
     * or neither (null). Sort keys among the pinned ones are constant over the candidates and are passed over.
     */
    private static Boolean direction(InMemoryIndex index, int pinned, Document orderBy) {
        List<String> fields = index.fields();
        List<String> pinnedFields = fields.subList(0, pinned);
        Boolean reverse = null;
        int next = pinned;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            if (pinnedFields.contains(sort.getKey())) {
                continue;
            }
            if (NATURAL_ORDER.equals(sort.getKey()) || next >= fields.size() || !fields.get(next).equals(sort.getKey())
                    || !(sort.getValue() instanceof Number direction)) {
                return null;
            }
            boolean against = (direction.intValue() > 0) != index.isAscending(next);
            if (reverse != null && reverse != against) {
                return null;
            }
            reverse = against;
            next++;
        }
        return reverse == null ? Boolean.FALSE : reverse;
    }

    Iterable<Object> positions() {
        return index.positions(prefix, reverse);
    }

    private boolean isBetterThan(IndexRead other) {
        if (ordered != other.ordered) {
            return ordered;
        }
        return prefix.size() > other.prefix.size();
    }
}
